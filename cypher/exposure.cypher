// name: exposure
// description: Which minerals a country, organisation or sector depends on, directly, through the sectors it takes part in or through the suppliers it relies on, and who controls each of them.
// param: entity: entity(Country|Region|Organization|Sector) = united states -- the id of a country, organisation or sector (the CLI resolves names and aliases to it)
// example: :param entity => 'country:united-states'
// order: mineral, how, via
MATCH (x:Country|Region|Organization|Sector)
WHERE x.id = $entity
MATCH (x)-[d:DEPENDS_ON]->(m:Mineral|Commodity)
OPTIONAL MATCH (m)-[:MEMBER_OF*0..3]->(g:Mineral|Commodity)<-[c:CONTROLS_SHARE]-(s:Country|Region|Organization)
WITH m, x, d, collect(DISTINCT CASE WHEN s IS NULL THEN NULL
               ELSE {supplier: s.name, of: g.name, stage: c.stage, share: c.share} END)
         AS controllers
RETURN m.id AS mineral_id, m.name AS mineral, 'direct' AS how, x.name AS via,
       controllers, d.documents AS documents, d.sentences AS sentences
UNION
MATCH (x:Country|Region|Organization|Sector)
WHERE x.id = $entity
MATCH (x)-[:INVOLVED_IN]->(sector:Sector)-[d:DEPENDS_ON]->(m:Mineral|Commodity)
OPTIONAL MATCH (m)-[:MEMBER_OF*0..3]->(g:Mineral|Commodity)<-[c:CONTROLS_SHARE]-(s:Country|Region|Organization)
WITH m, sector, d, collect(DISTINCT CASE WHEN s IS NULL THEN NULL
               ELSE {supplier: s.name, of: g.name, stage: c.stage, share: c.share} END)
         AS controllers
RETURN m.id AS mineral_id, m.name AS mineral, 'sector' AS how, sector.name AS via,
       controllers, d.documents AS documents, d.sentences AS sentences
UNION
MATCH (x:Country|Region|Organization|Sector)
WHERE x.id = $entity
MATCH (x)-[d:DEPENDS_ON]->(supplier:Country|Region|Organization)-[:CONTROLS_SHARE|PRODUCES|PROCESSES]->(m:Mineral|Commodity)
WITH DISTINCT m, supplier, d
OPTIONAL MATCH (m)-[:MEMBER_OF*0..3]->(g:Mineral|Commodity)<-[c:CONTROLS_SHARE]-(s:Country|Region|Organization)
WITH m, supplier, d, collect(DISTINCT CASE WHEN s IS NULL THEN NULL
               ELSE {supplier: s.name, of: g.name, stage: c.stage, share: c.share} END)
         AS controllers
RETURN m.id AS mineral_id, m.name AS mineral, 'supplier' AS how, supplier.name AS via,
       controllers, d.documents AS documents, d.sentences AS sentences
