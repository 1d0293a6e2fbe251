// name: exposure
// description: Which minerals a country, organisation or sector depends on (directly, through the sectors it takes part in, or through the suppliers it relies on) and who controls the largest shares of those minerals and their groups.
// param: entity: entity(Country|Region|Organization|Sector) = united states -- the id of a country, organisation or sector (the CLI resolves names and aliases to it)
// param: limit: int = 100 -- at most this many rows of each kind (direct, sector, supplier, controlled by): dependencies with the most sources first, controllers with the largest share first
// example: :params {entity: 'country:united-states', limit: 100}
// order: mineral, how, via
MATCH (x:Country|Region|Organization|Sector)-[d:DEPENDS_ON]->(m:Mineral|Commodity)
WHERE x.id = $entity
// Minerals and whoever stands between are read off the relationships (their endpoint
// copies): reading them off the nodes would scan their tables.
RETURN d.target_id AS mineral_id, d.target_name AS mineral, 'direct' AS how, d.source_name AS via,
       d.stage AS stage, d.share AS share, size(d.documents) AS sources, d.documents AS documents,
       d.sentences AS sentences
ORDER BY sources DESC, mineral, via
LIMIT $limit
UNION ALL
MATCH (x:Country|Region|Organization|Sector)-[:INVOLVED_IN]->(sector:Sector)-[d:DEPENDS_ON]->(m:Mineral|Commodity)
WHERE x.id = $entity
RETURN d.target_id AS mineral_id, d.target_name AS mineral, 'sector' AS how, d.source_name AS via,
       d.stage AS stage, d.share AS share, size(d.documents) AS sources, d.documents AS documents,
       d.sentences AS sentences
ORDER BY sources DESC, mineral, via
LIMIT $limit
UNION ALL
// The supplier's own claim on the mineral gives the stage and share it controls.
MATCH (x:Country|Region|Organization|Sector)-[d:DEPENDS_ON]->(supplier:Country|Region|Organization)-[k:CONTROLS_SHARE|PRODUCES|PROCESSES]->(m:Mineral|Commodity)
WHERE x.id = $entity
RETURN k.target_id AS mineral_id, k.target_name AS mineral, 'supplier' AS how, k.source_name AS via,
       k.stage AS stage, k.share AS share, size(d.documents) AS sources, d.documents AS documents,
       d.sentences AS sentences
ORDER BY sources DESC, mineral, via
LIMIT $limit
UNION ALL
// Who controls what the entity depends on directly or through its sectors (zero or
// one INVOLVED_IN hop), or a group those minerals belong to: each mineral and group
// once, however many paths reach it. The taxonomy's groups are minerals, at most
// three levels up; fixed hops cost the embedded engine far less than a
// variable-length match started from hundreds of minerals. The ids meet the claims'
// target copies in a join, one row per id: testing every claim against a list of
// ids, or grouping by such a list, costs the embedded engine tens of milliseconds.
MATCH (x:Country|Region|Organization|Sector)-[:INVOLVED_IN*0..1]->(:Country|Region|Organization|Sector)-[:DEPENDS_ON]->(m:Mineral|Commodity)
WHERE x.id = $entity
WITH DISTINCT m
OPTIONAL MATCH (m)-[:MEMBER_OF]->(g1:Mineral)
OPTIONAL MATCH (g1)-[:MEMBER_OF]->(g2:Mineral)
OPTIONAL MATCH (g2)-[:MEMBER_OF]->(g3:Mineral)
UNWIND [m.id, g1.id, g2.id, g3.id] AS id
WITH DISTINCT id
MATCH (:Country|Region|Organization)-[c:CONTROLS_SHARE]->(:Mineral|Commodity)
WHERE c.target_id = id
RETURN c.target_id AS mineral_id, c.target_name AS mineral, 'controlled by' AS how,
       c.source_name AS via,
       c.stage AS stage, c.share AS share, size(c.documents) AS sources,
       c.documents AS documents, c.sentences AS sentences
ORDER BY share DESC, sources DESC, mineral, via
LIMIT $limit
