// name: agreements_of
// description: Agreements a country, person or organisation is party to or signed, with date, place, kind, binding, status, parties, signatories and what they cover.
// param: party: entity(Country|Region|Person|Organization) = japan -- an id, name or alias (lower case) of a country, person or organisation
// example: :param party => 'japan'
MATCH (n:Country|Region|Person|Organization)
WHERE n.id = $party OR toLower($party) IN n.lookup
MATCH (n)-[r:PARTY_TO|SIGNED]->(a:Agreement)
UNWIND r.documents AS doc
WITH a, collect(DISTINCT r.predicate) AS roles, collect(DISTINCT doc) AS documents
OPTIONAL MATCH (p)-[:PARTY_TO]->(a)
WITH a, roles, documents, collect(DISTINCT p.name) AS parties
OPTIONAL MATCH (s)-[:SIGNED]->(a)
WITH a, roles, documents, parties, collect(DISTINCT s.name) AS signatories
OPTIONAL MATCH (a)-[:COVERS]->(t)
WITH a, roles, documents, parties, signatories, collect(DISTINCT t.name) AS covers
OPTIONAL MATCH (a)-[:HELD_IN]->(pl)
WITH a, roles, documents, parties, signatories, covers, min(pl.name) AS held_in
RETURN a.id AS agreement_id, a.name AS agreement, a.date AS date,
       coalesce(a.place, held_in) AS place, a.kind AS kind, a.binding AS binding,
       a.status AS status, parties, signatories, covers, roles, documents
ORDER BY date, agreement
