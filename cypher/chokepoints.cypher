// name: chokepoints
// description: Minerals with a supply stage concentrated in one country at or above a share threshold, ranked by that share.
// param: threshold: float = 0.5 -- the smallest share (0..1) of one stage held by one country
// param: limit: int = 100 -- at most this many chokepoints, the largest shares first
// example: :params {threshold: 0.5, limit: 100}
// sets: documents
MATCH (s:Country)-[c:CONTROLS_SHARE]->(m)
WHERE c.share >= $threshold
UNWIND c.documents AS doc
// Mineral and country read off the claim (its endpoint copies), not off the nodes.
WITH c.target_id AS mineral_id, c.target_name AS mineral, c.source_id AS country_id,
     c.source_name AS country, c.stage AS stage, max(c.share) AS share,
     count(DISTINCT c) AS claims, collect(DISTINCT doc) AS documents
RETURN mineral_id, mineral, country, stage, share, claims, documents
ORDER BY share DESC, mineral, country, stage
LIMIT $limit
