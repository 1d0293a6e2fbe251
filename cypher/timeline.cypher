// name: timeline
// description: Agreements, events and export restrictions in date order, optionally only those touching one entity (or a group it belongs to) and within a date range.
// param: entity: entity = null -- optional: any entity's id (the CLI resolves names and aliases to it)
// param: since: string = null -- optional: earliest ISO date, e.g. 2025-10-01
// param: until: string = null -- optional: latest ISO date, e.g. 2025-12-31
// param: limit: int = 100 -- at most this many entries of each kind (agreements and events; those related to the entity; restrictions and tariffs), the earliest first
// example: :params {entity: 'country:china', since: '2025-10-01', until: null, limit: 100}
// order: date, kind, what
// sets: who
// Every agreement and event when no entity is given, or the one that is the entity.
// (coalesce keeps the test on a node: a filter on a parameter alone is dropped by
// the embedded engine.)
MATCH (a:Agreement|Event)
WHERE coalesce($entity, a.id) = a.id AND a.date IS NOT NULL
  AND ($since IS NULL OR a.date >= $since) AND ($until IS NULL OR a.date <= $until)
// Participants gathered before the ordering, their names read off the relationships:
// looking the kept entries up again afterwards cost a join over every participation.
OPTIONAL MATCH (:Country|Region|Person|Organization)-[w:PARTY_TO|SIGNED|PARTICIPATED_IN]->(a)
RETURN a.date AS date, a.label AS kind, a.name AS what, a.status AS status,
       collect(DISTINCT w.source_name) AS who, a.id AS id
ORDER BY date, kind, what
LIMIT $limit
UNION ALL
// Agreements and events related to the entity or to a group it belongs to, found
// from the entity outwards.
MATCH (y:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE y.id = $entity
MATCH (y)-[:MEMBER_OF*0..3]->(x)-[r]-(a:Agreement|Event)
WHERE r.predicate <> 'MENTIONS' AND a.date IS NOT NULL
  AND ($since IS NULL OR a.date >= $since) AND ($until IS NULL OR a.date <= $until)
WITH DISTINCT a
OPTIONAL MATCH (:Country|Region|Person|Organization)-[w:PARTY_TO|SIGNED|PARTICIPATED_IN]->(a)
RETURN a.date AS date, a.label AS kind, a.name AS what, a.status AS status,
       collect(DISTINCT w.source_name) AS who, a.id AS id
ORDER BY date, kind, what
LIMIT $limit
UNION ALL
// Export restrictions and tariffs imposed by the entity or on it (or on a group it
// belongs to); the entity and its groups are looked up once, not per claim.
OPTIONAL MATCH (y:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)-[:MEMBER_OF*0..3]->(g)
WHERE y.id = $entity
WITH collect(g.id) AS targets
// Who and on what are read off the claim (its endpoint copies), not off the nodes.
MATCH (:Country|Region|Organization)-[r:RESTRICTS_EXPORT|IMPOSES_TARIFF]->()
WHERE $entity IS NULL OR r.source_id = $entity OR r.target_id IN targets
UNWIND r.documents AS source
OPTIONAL MATCH (doc:Document {id: source})
WITH r, min(doc.published) AS published
WITH r, coalesce(r.date, published) AS day
WHERE day IS NOT NULL AND ($since IS NULL OR day >= $since) AND ($until IS NULL OR day <= $until)
RETURN day AS date, r.predicate AS kind, r.source_name + ' -> ' + r.target_name AS what,
       r.status AS status, [r.source_name] AS who, r.key AS id
ORDER BY date, kind, what
LIMIT $limit
