// name: who_depends_on
// description: Sectors, countries and organisations that depend on a mineral, directly or (inferred) through the mineral's groups or the suppliers that control it, with evidence.
// param: mineral: entity(Mineral|Commodity) = dysprosium -- a mineral's id (the CLI resolves names, aliases and symbols such as dy or rare earths to it)
// example: :param mineral => 'mineral:dysprosium'
// order: inferred, label, dependent
MATCH (m:Mineral|Commodity)
WHERE m.id = $mineral
MATCH (m)-[:MEMBER_OF*0..3]->(g)
MATCH (d:Country|Region|Person|Organization|Sector)-[r:DEPENDS_ON]->(g)
RETURN d.id AS dependent_id, d.name AS dependent, d.label AS label, g.name AS via,
       g <> m AS inferred, r.modality AS modality, r.documents AS documents,
       r.sentences AS sentences
UNION
MATCH (m:Mineral|Commodity)
WHERE m.id = $mineral
MATCH (m)-[:MEMBER_OF*0..3]->(g)
MATCH (s:Country|Region|Organization)-[:CONTROLS_SHARE|PRODUCES|PROCESSES]->(g)
// Each supplier once, however many of its claims reach the mineral's groups.
WITH DISTINCT s
MATCH (d:Country|Region|Person|Organization|Sector)-[r:DEPENDS_ON]->(s)
RETURN d.id AS dependent_id, d.name AS dependent, d.label AS label, s.name AS via,
       true AS inferred, r.modality AS modality, r.documents AS documents,
       r.sentences AS sentences
