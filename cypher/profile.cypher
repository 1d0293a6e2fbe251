// name: profile
// description: Everything about one entity: label, aliases, properties and the documents that mention it; `reegraph profile` adds its neighbours from neighbours.cypher.
// param: entity: entity = japan -- any entity's id (the CLI resolves names, aliases and symbols to it)
// param: limit: int = 100 -- at most this many documents, the latest first
// example: :params {entity: 'country:japan', limit: 100}
// The documents first, as one list: a plain match extends from the entity to its own
// mentions (an optional one joined every mention of the entity's whole table), and
// collect() over no rows still gives a row (a null list on the embedded engine, an
// empty one on Neo4j, hence the coalesce), so an entity no document mentions keeps
// its profile. The document's id, title and date only: the node would carry its
// whole text along.
MATCH (n:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)<-[:MENTIONS]-(d:Document)
WHERE n.id = $entity
WITH d.id AS document, d.title AS title, d.published AS published
ORDER BY published DESC, document
LIMIT $limit
WITH collect({id: document, title: title, published: published}) AS documents
// The entity's properties, read once and not carried through the ordering.
MATCH (n:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE n.id = $entity
RETURN n.id AS id, n.name AS name, n.label AS label, n.aliases AS aliases,
       {kind: n.kind, role: n.role, country: n.country, symbol: n.symbol, date: n.date,
        end_date: n.end_date, duration: n.duration, place: n.place, status: n.status,
        binding: n.binding, description: n.description} AS properties,
       coalesce(documents, []) AS documents
