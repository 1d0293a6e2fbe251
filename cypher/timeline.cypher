// name: timeline
// description: Agreements, events and export restrictions in date order, optionally only those touching one entity (or a group it belongs to) and within a date range.
// param: entity: entity = null -- optional: any entity's id, name or alias (lower case)
// param: since: string = null -- optional: earliest ISO date, e.g. 2025-10-01
// param: until: string = null -- optional: latest ISO date, e.g. 2025-12-31
// example: :params {entity: 'china', since: '2025-10-01', until: null}
// order: date, kind, what
MATCH (a:Agreement|Event)
WHERE a.date IS NOT NULL
  AND ($since IS NULL OR a.date >= $since) AND ($until IS NULL OR a.date <= $until)
  AND ($entity IS NULL OR a.id = $entity OR toLower($entity) IN a.lookup
       OR EXISTS {
         MATCH (a)-[r]-(x)<-[:MEMBER_OF*0..3]-(y)
         WHERE r.predicate <> 'MENTIONS' AND (y.id = $entity OR toLower($entity) IN y.lookup)
       })
OPTIONAL MATCH (p)-[:PARTY_TO|SIGNED|PARTICIPATED_IN]->(a)
RETURN a.date AS date, a.label AS kind, a.name AS what, a.status AS status,
       collect(DISTINCT p.name) AS who, a.id AS id
UNION
MATCH (s)-[r:RESTRICTS_EXPORT|IMPOSES_TARIFF]->(t)
WHERE $entity IS NULL OR s.id = $entity OR toLower($entity) IN s.lookup
   OR EXISTS {
     MATCH (t)<-[:MEMBER_OF*0..3]-(y)
     WHERE y.id = $entity OR toLower($entity) IN y.lookup
   }
OPTIONAL MATCH (doc:Document)
WHERE doc.id IN r.documents
WITH s, r, t, min(doc.published) AS published
WITH s, r, t, coalesce(r.date, published) AS day
WHERE day IS NOT NULL AND ($since IS NULL OR day >= $since) AND ($until IS NULL OR day <= $until)
RETURN day AS date, r.predicate AS kind, s.name + ' -> ' + t.name AS what, r.status AS status,
       [s.name] AS who, r.key AS id
