// name: agreements_covering
// description: Agreements that cover a mineral, directly or (inferred) through a group it belongs to, with date, place, kind, binding, status, parties, signatories and everything they cover.
// param: mineral: entity(Mineral|Commodity) = dysprosium -- a mineral's id, name, alias or symbol (lower case)
// example: :param mineral => 'dysprosium'
MATCH (m:Mineral|Commodity)
WHERE m.id = $mineral OR toLower($mineral) IN m.lookup
MATCH (m)-[:MEMBER_OF*0..3]->(g)<-[cv:COVERS]-(a:Agreement)
UNWIND cv.documents AS doc
// min() before any collect(DISTINCT): the embedded engine returns null for a plain
// aggregate that follows a DISTINCT one in the same clause.
WITH a, min(CASE WHEN g.id = m.id THEN 0 ELSE 1 END) AS indirect,
     collect(DISTINCT g.name) AS via, collect(DISTINCT doc) AS documents
OPTIONAL MATCH (p)-[:PARTY_TO]->(a)
WITH a, via, indirect, documents, collect(DISTINCT p.name) AS parties
OPTIONAL MATCH (s)-[:SIGNED]->(a)
WITH a, via, indirect, documents, parties, collect(DISTINCT s.name) AS signatories
OPTIONAL MATCH (a)-[:COVERS]->(t)
WITH a, via, indirect, documents, parties, signatories, collect(DISTINCT t.name) AS covers
OPTIONAL MATCH (a)-[:HELD_IN]->(pl)
WITH a, via, indirect, documents, parties, signatories, covers, min(pl.name) AS held_in
RETURN a.id AS agreement_id, a.name AS agreement, a.date AS date,
       coalesce(a.place, held_in) AS place, a.kind AS kind, a.binding AS binding,
       a.status AS status, parties, signatories, covers, via, indirect = 1 AS inferred, documents
ORDER BY inferred, date, agreement
