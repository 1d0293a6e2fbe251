// name: chokepoints
// description: Minerals with a supply stage concentrated in one country at or above a share threshold, ranked by that share.
// param: threshold: float = 0.5 -- the smallest share (0..1) of one stage held by one country
// param: limit: int = 100 -- at most this many chokepoints, the largest shares first
// example: :params {threshold: 0.5, limit: 100}
MATCH (s:Country)-[c:CONTROLS_SHARE]->(m)
WHERE c.share >= $threshold
UNWIND c.documents AS doc
WITH m, s, c.stage AS stage, max(c.share) AS share, count(DISTINCT c) AS claims,
     collect(DISTINCT doc) AS documents
RETURN m.id AS mineral_id, m.name AS mineral, s.name AS country, stage, share, claims,
       documents
ORDER BY share DESC, mineral, country, stage
LIMIT $limit
