// name: partners_of
// description: Who an organisation or country partners with, directly or as a fellow party to an agreement, with evidence.
// param: entity: entity(Country|Region|Organization) = jogmec -- an organisation's or country's id (the CLI resolves names and aliases to it)
// param: limit: int = 100 -- at most this many partners of each kind (direct partnerships; fellow parties to an agreement), those with the most sources first
// example: :params {entity: 'organization:jogmec', limit: 100}
// order: relation, -sources, partner, through
MATCH (n:Country|Region|Organization)
WHERE n.id = $entity
MATCH (n)-[r:PARTNERS_WITH]-(p:Country|Region|Person|Organization)
// The partner is read off the relationship (its endpoint copies), whichever end it is:
// reading it off the node would scan its tables. (The test stays inside each CASE: the
// embedded engine mis-evaluates a CASE on a boolean carried through WITH.)
RETURN CASE WHEN r.source_id = $entity THEN r.target_id ELSE r.source_id END AS partner_id,
       CASE WHEN r.source_id = $entity THEN r.target_name ELSE r.source_name END AS partner,
       CASE WHEN r.source_id = $entity THEN r.target_label ELSE r.source_label END AS label,
       r.predicate AS relation, n.name AS through, size(r.documents) AS sources, r.documents AS documents,
       r.sentences AS sentences
ORDER BY relation, sources DESC, partner, through
LIMIT $limit
UNION ALL
MATCH (n:Country|Region|Organization)
WHERE n.id = $entity
MATCH (n)-[:PARTY_TO]->(a:Agreement)<-[r:PARTY_TO]-(p:Country|Region|Organization)
WHERE p <> n
RETURN r.source_id AS partner_id, r.source_name AS partner, r.source_label AS label,
       r.predicate AS relation, r.target_name AS through, size(r.documents) AS sources, r.documents AS documents,
       r.sentences AS sentences
ORDER BY relation, sources DESC, partner, through
LIMIT $limit
