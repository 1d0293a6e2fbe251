// name: suppliers_of
// description: Countries and companies that produce, process, control or restrict a mineral (or a group it belongs to), each claim with its share, stage, date and source; conflicting figures sit side by side.
// param: mineral: entity(Mineral|Commodity) = rare earths -- a mineral's id (the CLI resolves names, aliases and symbols to it)
// param: limit: int = 100 -- at most this many claims: direct ones first, then those with the most sources
// example: :params {mineral: 'mineral:rare-earth-elements', limit: 100}
// order: inferred, -sources, supplier, mineral, relation, stage, share
// sets: figures
MATCH (m:Mineral|Commodity)-[:MEMBER_OF*0..3]->(g:Mineral|Commodity)<-[c:CONTROLS_SHARE|PRODUCES|PROCESSES|RESTRICTS_EXPORT]-(s:Country|Region|Organization|Place)
WHERE m.id = $mineral
WITH m, s, g, c, g <> m AS inferred, size(c.documents) AS sources
ORDER BY inferred, sources DESC, c.source_name, c.target_name, c.predicate, c.stage, c.share
LIMIT $limit
// Only the claims kept: every figure the same supplier has for the same mineral (so
// conflicting figures sit side by side), then the source documents by their ids (an
// index lookup, not a scan of every document).
OPTIONAL MATCH (s)-[o:CONTROLS_SHARE|PRODUCES|PROCESSES|RESTRICTS_EXPORT]->(g)
WITH m, s, g, c, inferred, sources, collect(DISTINCT o.share) AS figures
UNWIND c.documents AS source
OPTIONAL MATCH (doc:Document {id: source})
WITH m, s, g, c, inferred, sources, figures, collect(doc.title) AS titles,
     min(doc.published) AS published
RETURN c.source_id AS supplier_id, c.source_name AS supplier, c.source_label AS supplier_label,
       c.predicate AS relation, c.target_name AS mineral, inferred, c.stage AS stage,
       c.share AS share, c.qualifier AS qualifier, c.status AS status, figures,
       coalesce(c.date, published) AS date, sources, c.documents AS documents, titles,
       c.sentences AS sentences
