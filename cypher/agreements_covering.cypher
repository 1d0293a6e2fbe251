// name: agreements_covering
// description: Agreements that cover a mineral, directly or (inferred) through a group it belongs to, with date, place, kind, binding, status, parties, signatories and everything they cover.
// param: mineral: entity(Mineral|Commodity) = dysprosium -- a mineral's id (the CLI resolves names, aliases and symbols to it)
// param: limit: int = 100 -- at most this many agreements: those covering the mineral itself first, then the latest
// example: :params {mineral: 'mineral:dysprosium', limit: 100}
// order: inferred, -date, agreement
// sets: via, documents, parties, signatories, covers
MATCH (m:Mineral|Commodity)-[:MEMBER_OF*0..3]->(g:Mineral|Commodity)<-[cv:COVERS]-(a:Agreement)
WHERE m.id = $mineral
UNWIND cv.documents AS doc
// min() before any collect(DISTINCT): the embedded engine returns null for a plain
// aggregate that follows a DISTINCT one in the same clause.
WITH a, a.date AS date, a.name AS name,
     min(CASE WHEN g = m THEN 0 ELSE 1 END) AS indirect, collect(DISTINCT cv.target_name) AS via,
     collect(DISTINCT doc) AS documents
ORDER BY indirect, date DESC, name
LIMIT $limit
// The agreements kept, carried as nodes through the ordering so that this match extends
// from them (matching them again by id joined the relationships of every agreement),
// with everything attached to them gathered in one pass: a chain of OPTIONAL MATCHes
// would regroup the rows by every list collected so far. Names are read off the
// relationships (parties and signatories are their sources, what is covered and the
// place their targets).
MATCH (a)-[x:PARTY_TO|SIGNED|COVERS|HELD_IN]-()
WITH a, indirect, via, documents,
     min(CASE WHEN x.predicate = 'HELD_IN' THEN x.target_name END) AS held_in,
     collect(DISTINCT CASE WHEN x.predicate = 'PARTY_TO' THEN x.source_name END) AS parties,
     collect(DISTINCT CASE WHEN x.predicate = 'SIGNED' THEN x.source_name END) AS signatories,
     collect(DISTINCT CASE WHEN x.predicate = 'COVERS' THEN x.target_name END) AS covers
RETURN a.id AS agreement_id, a.name AS agreement, a.date AS date,
       coalesce(a.place, held_in) AS place, a.kind AS kind, a.binding AS binding,
       a.status AS status, coalesce(parties, []) AS parties,
       coalesce(signatories, []) AS signatories, covers, via, indirect = 1 AS inferred,
       documents
