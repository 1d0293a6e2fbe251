// name: who_depends_on
// description: Sectors, countries and organisations that depend on a mineral, directly or (inferred) through the mineral's groups or the suppliers that control it, with evidence.
// param: mineral: entity(Mineral|Commodity) = dysprosium -- a mineral's id (the CLI resolves names, aliases and symbols such as dy or rare earths to it)
// param: limit: int = 100 -- at most this many dependents of each kind (direct or through the mineral's groups; through its suppliers), those with the most sources first
// example: :params {mineral: 'mineral:dysprosium', limit: 100}
// order: inferred, -sources, dependent, via
MATCH (m:Mineral|Commodity)-[:MEMBER_OF*0..3]->(g:Mineral|Commodity)<-[r:DEPENDS_ON]-(d:Country|Region|Person|Organization|Sector)
WHERE m.id = $mineral
// The dependent and the mineral are read off the relationship (its endpoint copies):
// reading them off the nodes would scan their tables.
RETURN r.source_id AS dependent_id, r.source_name AS dependent, r.source_label AS label,
       r.target_name AS via, g <> m AS inferred, r.modality AS modality, size(r.documents) AS sources,
       r.documents AS documents, r.sentences AS sentences
ORDER BY inferred, sources DESC, dependent, via
LIMIT $limit
UNION ALL
MATCH (m:Mineral|Commodity)-[:MEMBER_OF*0..3]->(g:Mineral|Commodity)<-[:CONTROLS_SHARE|PRODUCES|PROCESSES]-(s:Country|Region|Organization)
WHERE m.id = $mineral
// Each supplier once, however many of its claims reach the mineral's groups.
WITH DISTINCT s
MATCH (s)<-[r:DEPENDS_ON]-(d:Country|Region|Person|Organization|Sector)
RETURN r.source_id AS dependent_id, r.source_name AS dependent, r.source_label AS label,
       r.target_name AS via, true AS inferred, r.modality AS modality, size(r.documents) AS sources,
       r.documents AS documents, r.sentences AS sentences
ORDER BY inferred, sources DESC, dependent, via
LIMIT $limit
