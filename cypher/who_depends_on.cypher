// name: who_depends_on
// description: Sectors, countries and organisations that depend on a mineral, directly or (inferred) through the mineral's groups or the countries that control it.
// param: mineral: string = dysprosium -- a mineral's id, name, alias or symbol (lower case), e.g. dysprosium, dy, rare earths
// example: :param mineral => 'dysprosium'
MATCH (m:Mineral)
WHERE m.id = $mineral OR toLower($mineral) IN m.lookup
MATCH (m)-[:MEMBER_OF*0..3]->(g:Mineral)
MATCH (d)-[r:DEPENDS_ON]->(g)
RETURN d.name AS dependent, d.label AS label, 'DEPENDS_ON' AS relation, g.name AS via,
       g <> m AS inferred, r.modality AS modality, r.documents AS documents,
       r.sentences AS sentences
UNION
MATCH (m:Mineral)
WHERE m.id = $mineral OR toLower($mineral) IN m.lookup
MATCH (m)-[:MEMBER_OF*0..3]->(g:Mineral)
MATCH (d)-[r:DEPENDS_ON]->(s)-[:CONTROLS_SHARE]->(g)
RETURN DISTINCT d.name AS dependent, d.label AS label, 'DEPENDS_ON' AS relation,
       s.name AS via, true AS inferred, r.modality AS modality, r.documents AS documents,
       r.sentences AS sentences
