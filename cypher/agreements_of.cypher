// name: agreements_of
// description: Agreements a country, person or organisation is party to or signed, with date, place, kind, binding, status, parties, signatories and what they cover.
// param: party: entity(Country|Region|Person|Organization) = japan -- the id of a country, person or organisation (the CLI resolves names and aliases to it)
// param: limit: int = 100 -- at most this many agreements, the latest first
// example: :params {party: 'country:japan', limit: 100}
// order: -date, agreement
// sets: parties, signatories, roles, documents, covers
MATCH (n:Country|Region|Person|Organization)
WHERE n.id = $party
MATCH (n)-[:PARTY_TO|SIGNED]->(a:Agreement)
// Each agreement once, carried as a node through the ordering: the next match then
// extends from the kept ones, where matching them again by id joined the relationships
// of every agreement (an agreement's properties are few; an article's text is not).
WITH DISTINCT a, a.date AS date, a.name AS name
ORDER BY date DESC, name
LIMIT $limit
// Names are read off the relationships: parties and signatories are their sources,
// what is covered and the place their targets. One directed match each way (the
// engine reads these relationships for every agreement, not only the kept ones, and
// an undirected pattern reads each table both ways), each gathered before the next:
// joined together, their lists came out in an order that changed from run to run.
// Every kept agreement has a party (the one asked about); what it covers may be missing.
MATCH (a)<-[x:PARTY_TO|SIGNED]-()
WITH a, x, x.source_id = $party AS own
UNWIND CASE WHEN own THEN x.documents ELSE [NULL] END AS doc
WITH a, collect(DISTINCT CASE WHEN x.predicate = 'PARTY_TO' THEN x.source_name END) AS parties,
     collect(DISTINCT CASE WHEN x.predicate = 'SIGNED' THEN x.source_name END) AS signatories,
     collect(DISTINCT CASE WHEN own THEN x.predicate END) AS roles,
     collect(DISTINCT doc) AS documents
OPTIONAL MATCH (a)-[y:COVERS|HELD_IN]->()
WITH a, parties, signatories, roles, documents,
     min(CASE WHEN y.predicate = 'HELD_IN' THEN y.target_name END) AS held_in,
     collect(DISTINCT CASE WHEN y.predicate = 'COVERS' THEN y.target_name END) AS covers
RETURN a.id AS agreement_id, a.name AS agreement, a.date AS date,
       coalesce(a.place, held_in) AS place, a.kind AS kind, a.binding AS binding,
       a.status AS status, coalesce(parties, []) AS parties,
       coalesce(signatories, []) AS signatories, coalesce(covers, []) AS covers, roles,
       documents
