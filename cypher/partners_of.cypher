// name: partners_of
// description: Who an organisation or country partners with, directly or as a fellow party to an agreement, with evidence.
// param: entity: entity(Country|Region|Organization) = jogmec -- an organisation's or country's id (the CLI resolves names and aliases to it)
// example: :param entity => 'organization:jogmec'
// order: relation, partner, through
MATCH (n:Country|Region|Organization)
WHERE n.id = $entity
MATCH (n)-[r:PARTNERS_WITH]-(p:Country|Region|Person|Organization)
RETURN p.id AS partner_id, p.name AS partner, p.label AS label, r.predicate AS relation,
       n.name AS through, r.documents AS documents, r.sentences AS sentences
UNION
MATCH (n:Country|Region|Organization)
WHERE n.id = $entity
MATCH (n)-[:PARTY_TO]->(a:Agreement)<-[r:PARTY_TO]-(p:Country|Region|Organization)
WHERE p <> n
RETURN p.id AS partner_id, p.name AS partner, p.label AS label, r.predicate AS relation,
       a.name AS through, r.documents AS documents, r.sentences AS sentences
