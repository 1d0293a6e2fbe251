// name: suppliers_of
// description: Countries and companies that produce, process, control or restrict a mineral (or a group it belongs to), each claim with its share, stage, date and source; conflicting figures sit side by side.
// param: mineral: entity(Mineral|Commodity) = rare earths -- a mineral's id (the CLI resolves names, aliases and symbols to it)
// example: :param mineral => 'mineral:rare-earth-elements'
MATCH (m:Mineral|Commodity)
WHERE m.id = $mineral
MATCH (m)-[:MEMBER_OF*0..3]->(g)
MATCH (s:Country|Region|Organization|Place)-[c:CONTROLS_SHARE|PRODUCES|PROCESSES|RESTRICTS_EXPORT]->(g)
WITH m, s, g, collect(c) AS claims, collect(DISTINCT c.share) AS figures
UNWIND claims AS c
// Each source document by its id (an index lookup), not by scanning every document.
UNWIND c.documents AS source
OPTIONAL MATCH (doc:Document {id: source})
WITH m, s, g, c, figures, collect(doc.title) AS titles, min(doc.published) AS published
RETURN s.id AS supplier_id, s.name AS supplier, s.label AS supplier_label,
       c.predicate AS relation, g.name AS mineral, g <> m AS inferred, c.stage AS stage,
       c.share AS share, c.qualifier AS qualifier, c.status AS status, figures,
       coalesce(c.date, published) AS date, c.documents AS documents, titles,
       c.sentences AS sentences
ORDER BY supplier, mineral, relation, stage, share
