// name: timeline
// description: Agreements, events and export restrictions in date order, optionally only those touching one entity (or a group it belongs to) and within a date range.
// param: entity: entity = null -- optional: any entity's id (the CLI resolves names and aliases to it)
// param: since: string = null -- optional: earliest ISO date, e.g. 2025-10-01
// param: until: string = null -- optional: latest ISO date, e.g. 2025-12-31
// param: limit: int = 100 -- at most this many entries of each kind (agreements and events; those related to the entity; restrictions and tariffs), the earliest first
// example: :params {entity: 'country:china', since: '2025-10-01', until: null, limit: 100}
// order: date, kind, what
// Every agreement and event when no entity is given, or the one that is the entity.
// (coalesce keeps the test on a node: a filter on a parameter alone is dropped by
// the embedded engine.)
MATCH (a:Agreement|Event)
WHERE coalesce($entity, a.id) = a.id AND a.date IS NOT NULL
  AND ($since IS NULL OR a.date >= $since) AND ($until IS NULL OR a.date <= $until)
WITH DISTINCT a.date AS date, a.label AS kind, a.name AS what, a.status AS status, a.id AS id
ORDER BY date, kind, what
LIMIT $limit
// Participants of the entries kept, each entry looked up again by id: carrying the
// node through the ordering would cost the embedded engine all of its properties.
OPTIONAL MATCH (p:Country|Region|Person|Organization)-[:PARTY_TO|SIGNED|PARTICIPATED_IN]->(a:Agreement|Event)
WHERE a.id = id
RETURN date, kind, what, status, collect(DISTINCT p.name) AS who, id
UNION ALL
// Agreements and events related to the entity or to a group it belongs to, found
// from the entity outwards.
MATCH (y:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE y.id = $entity
MATCH (y)-[:MEMBER_OF*0..3]->(x)-[r]-(a:Agreement|Event)
WHERE r.predicate <> 'MENTIONS' AND a.date IS NOT NULL
  AND ($since IS NULL OR a.date >= $since) AND ($until IS NULL OR a.date <= $until)
WITH DISTINCT a.date AS date, a.label AS kind, a.name AS what, a.status AS status, a.id AS id
ORDER BY date, kind, what
LIMIT $limit
// Participants of the entries kept, each entry looked up again by id: carrying the
// node through the ordering would cost the embedded engine all of its properties.
OPTIONAL MATCH (p:Country|Region|Person|Organization)-[:PARTY_TO|SIGNED|PARTICIPATED_IN]->(a:Agreement|Event)
WHERE a.id = id
RETURN date, kind, what, status, collect(DISTINCT p.name) AS who, id
UNION ALL
// Export restrictions and tariffs imposed by the entity or on it (or on a group it
// belongs to); the entity and its groups are looked up once, not per claim.
OPTIONAL MATCH (y:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)-[:MEMBER_OF*0..3]->(g)
WHERE y.id = $entity
WITH collect(g.id) AS targets
MATCH (s:Country|Region|Organization)-[r:RESTRICTS_EXPORT|IMPOSES_TARIFF]->(t)
WHERE $entity IS NULL OR s.id = $entity OR t.id IN targets
UNWIND r.documents AS source
OPTIONAL MATCH (doc:Document {id: source})
WITH s, r, t, min(doc.published) AS published
WITH s, r, t, coalesce(r.date, published) AS day
WHERE day IS NOT NULL AND ($since IS NULL OR day >= $since) AND ($until IS NULL OR day <= $until)
RETURN day AS date, r.predicate AS kind, s.name + ' -> ' + t.name AS what, r.status AS status,
       [s.name] AS who, r.key AS id
ORDER BY date, kind, what
LIMIT $limit
