// name: agreements_of
// description: Agreements a country, person or organisation is party to or signed, with date, place, kind, binding, status, parties, signatories and what they cover.
// param: party: entity(Country|Region|Person|Organization) = japan -- the id of a country, person or organisation (the CLI resolves names and aliases to it)
// example: :param party => 'country:japan'
MATCH (n:Country|Region|Person|Organization)
WHERE n.id = $party
MATCH (n)-[:PARTY_TO|SIGNED]->(a:Agreement)
WITH DISTINCT n, a
// Everything attached to each agreement, gathered in one pass: a chain of OPTIONAL
// MATCHes would regroup the rows by every list collected so far.
MATCH (a)-[x:PARTY_TO|SIGNED|COVERS|HELD_IN]-(o)
WITH n, a, x, o, o = n AND x.predicate <> 'HELD_IN' AS own
UNWIND CASE WHEN own THEN x.documents ELSE [NULL] END AS doc
// min() before any collect(DISTINCT): the embedded engine returns null for a plain
// aggregate that follows a DISTINCT one in the same clause.
WITH a, min(CASE WHEN x.predicate = 'HELD_IN' THEN o.name END) AS held_in,
     collect(DISTINCT CASE WHEN x.predicate = 'PARTY_TO' THEN o.name END) AS parties,
     collect(DISTINCT CASE WHEN x.predicate = 'SIGNED' THEN o.name END) AS signatories,
     collect(DISTINCT CASE WHEN x.predicate = 'COVERS' THEN o.name END) AS covers,
     collect(DISTINCT CASE WHEN own THEN x.predicate END) AS roles,
     collect(DISTINCT doc) AS documents
RETURN a.id AS agreement_id, a.name AS agreement, a.date AS date,
       coalesce(a.place, held_in) AS place, a.kind AS kind, a.binding AS binding,
       a.status AS status, coalesce(parties, []) AS parties,
       coalesce(signatories, []) AS signatories, coalesce(covers, []) AS covers, roles,
       documents
ORDER BY date, agreement
