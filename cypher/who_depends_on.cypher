// name: who_depends_on
// description: Sectors, countries and organisations that depend on a mineral, directly or (inferred) through the mineral's groups or the suppliers that control it, with evidence.
// param: mineral: entity(Mineral|Commodity) = dysprosium -- a mineral's id, name, alias or symbol (lower case), e.g. dysprosium, dy, rare earths
// example: :param mineral => 'dysprosium'
// order: inferred, label, dependent
MATCH (m:Mineral|Commodity)
WHERE m.id = $mineral OR toLower($mineral) IN m.lookup
MATCH (m)-[:MEMBER_OF*0..3]->(g)
MATCH (d)-[r:DEPENDS_ON]->(g)
RETURN d.id AS dependent_id, d.name AS dependent, d.label AS label, g.name AS via,
       g <> m AS inferred, r.modality AS modality, r.documents AS documents,
       r.sentences AS sentences
UNION
MATCH (m:Mineral|Commodity)
WHERE m.id = $mineral OR toLower($mineral) IN m.lookup
MATCH (m)-[:MEMBER_OF*0..3]->(g)
MATCH (d)-[r:DEPENDS_ON]->(s)-[:CONTROLS_SHARE|PRODUCES|PROCESSES]->(g)
RETURN d.id AS dependent_id, d.name AS dependent, d.label AS label, s.name AS via,
       true AS inferred, r.modality AS modality, r.documents AS documents,
       r.sentences AS sentences
