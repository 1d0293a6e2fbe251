// name: conflicting_claims
// description: Claims where documents disagree: the same kind of figure between the same two entities, for the same or an overlapping stage or topic, with different values, side by side with their sources.
// param: limit: int = 100 -- at most this many conflicts, the widest gaps first
// example: :param limit => 100
// order: subject, relation, object
MATCH (s)-[a:CONTROLS_SHARE|INVESTS_IN|PURCHASES|IMPOSES_TARIFF]->(t)
MATCH (s)-[b:CONTROLS_SHARE|INVESTS_IN|PURCHASES|IMPOSES_TARIFF]->(t)
WHERE a.predicate = b.predicate AND a.key < b.key
  AND (coalesce(a.share, -1.0) <> coalesce(b.share, -1.0)
       OR coalesce(a.amount, -1.0) <> coalesce(b.amount, -1.0)
       OR coalesce(a.quantity, -1.0) <> coalesce(b.quantity, -1.0)
       OR coalesce(a.rate_to, -1.0) <> coalesce(b.rate_to, -1.0))
  AND (a.stage IS NULL OR b.stage IS NULL OR a.stage CONTAINS b.stage OR b.stage CONTAINS a.stage)
  AND (a.topic IS NULL OR b.topic IS NULL OR a.topic CONTAINS b.topic OR b.topic CONTAINS a.topic)
RETURN a.source_name AS subject, a.predicate AS relation, a.target_name AS object,
       a.stage AS stage_a, coalesce(a.share, a.amount, a.quantity, a.rate_to) AS value_a,
       a.documents AS documents_a, a.sentences AS sentences_a,
       b.stage AS stage_b, coalesce(b.share, b.amount, b.quantity, b.rate_to) AS value_b,
       b.documents AS documents_b, b.sentences AS sentences_b,
       abs(coalesce(a.share, a.amount, a.quantity, a.rate_to)
           - coalesce(b.share, b.amount, b.quantity, b.rate_to)) AS gap
ORDER BY gap DESC, subject, relation, object, stage_a, value_a
LIMIT $limit
