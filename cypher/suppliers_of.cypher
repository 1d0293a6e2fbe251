// name: suppliers_of
// description: Countries and companies that produce, process, control or restrict a mineral (or a group it belongs to), each claim with its share, stage, date and source; conflicting figures sit side by side.
// param: mineral: entity(Mineral|Commodity) = rare earths -- a mineral's id, name, alias or symbol (lower case)
// example: :param mineral => 'rare earths'
MATCH (m:Mineral|Commodity)
WHERE m.id = $mineral OR toLower($mineral) IN m.lookup
MATCH (m)-[:MEMBER_OF*0..3]->(g)
MATCH (s)-[c:CONTROLS_SHARE|PRODUCES|PROCESSES|RESTRICTS_EXPORT]->(g)
WITH m, s, g, collect(c) AS claims, collect(DISTINCT c.share) AS figures
UNWIND claims AS c
OPTIONAL MATCH (doc:Document)
WHERE doc.id IN c.documents
WITH m, s, g, c, figures, collect(doc.title) AS titles, min(doc.published) AS published
RETURN s.id AS supplier_id, s.name AS supplier, s.label AS supplier_label,
       c.predicate AS relation, g.name AS mineral, g <> m AS inferred, c.stage AS stage,
       c.share AS share, c.qualifier AS qualifier, c.status AS status, figures,
       coalesce(c.date, published) AS date, c.documents AS documents, titles,
       c.sentences AS sentences
ORDER BY supplier, mineral, relation, stage, share
