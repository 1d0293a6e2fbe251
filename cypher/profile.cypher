// name: profile
// description: Everything about one entity: label, aliases, properties and the documents that mention it; `reegraph profile` adds its neighbours from neighbours.cypher.
// param: entity: entity = japan -- any entity's id (the CLI resolves names, aliases and symbols to it)
// example: :param entity => 'country:japan'
MATCH (n:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE n.id = $entity
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(n)
RETURN n.id AS id, n.name AS name, n.label AS label, n.aliases AS aliases,
       {kind: n.kind, role: n.role, country: n.country, symbol: n.symbol, date: n.date,
        end_date: n.end_date, duration: n.duration, place: n.place, status: n.status,
        binding: n.binding, description: n.description} AS properties,
       collect(DISTINCT CASE WHEN d IS NULL THEN NULL
               ELSE {id: d.id, title: d.title, published: d.published} END) AS documents
