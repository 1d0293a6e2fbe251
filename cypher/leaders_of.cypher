// name: leaders_of
// description: Who leads a country (or organisation), and who else holds a role in it, with their roles and evidence.
// param: country: entity(Country|Region|Organization) = japan -- a country's or organisation's id (the CLI resolves names and aliases to it)
// param: limit: int = 100 -- at most this many people, leaders first
// example: :params {country: 'country:japan', limit: 100}
MATCH (c:Country|Region|Organization)
WHERE c.id = $country
MATCH (p:Person)-[r:LEADS|AFFILIATED_WITH]->(c)
RETURN p.id AS person_id, p.name AS person, coalesce(r.role, p.role) AS role,
       r.predicate AS relation, r.documents AS documents, r.sentences AS sentences
ORDER BY relation DESC, person
LIMIT $limit
