// name: profile
// description: Everything about one entity: label, aliases, properties and the documents that mention it; `reegraph profile` adds its neighbours from neighbours.cypher.
// param: entity: entity = japan -- any entity's id (the CLI resolves names, aliases and symbols to it)
// param: limit: int = 100 -- at most this many documents, the latest first
// example: :params {entity: 'country:japan', limit: 100}
MATCH (n:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE n.id = $entity
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(n)
// The document's id, title and date only: the node would carry its whole text along.
WITH n, d.id AS document, d.title AS title, d.published AS published
ORDER BY published DESC, document
LIMIT $limit
RETURN n.id AS id, n.name AS name, n.label AS label, n.aliases AS aliases,
       {kind: n.kind, role: n.role, country: n.country, symbol: n.symbol, date: n.date,
        end_date: n.end_date, duration: n.duration, place: n.place, status: n.status,
        binding: n.binding, description: n.description} AS properties,
       collect(DISTINCT CASE WHEN document IS NULL THEN NULL
               ELSE {id: document, title: title, published: published} END) AS documents
