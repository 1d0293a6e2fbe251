// name: profile
// description: Everything about one entity: label, aliases, properties, its neighbours by relation type and direction, and the documents that mention it.
// param: entity: entity = japan -- any entity's id, name, alias or symbol (lower case)
// example: :param entity => 'japan'
MATCH (n:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE n.id = $entity OR toLower($entity) IN n.lookup
OPTIONAL MATCH (n)-[r]->(o)
WHERE r.predicate <> 'MENTIONS'
WITH n, collect(DISTINCT CASE WHEN o IS NULL THEN NULL
     ELSE {relation: r.predicate, direction: 'out', id: o.id, name: o.name, label: o.label}
     END) AS outgoing
OPTIONAL MATCH (n)<-[r]-(o)
WHERE r.predicate <> 'MENTIONS'
WITH n, outgoing, collect(DISTINCT CASE WHEN o IS NULL THEN NULL
     ELSE {relation: r.predicate, direction: 'in', id: o.id, name: o.name, label: o.label}
     END) AS incoming
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(n)
RETURN n.id AS id, n.name AS name, n.label AS label, n.aliases AS aliases,
       {kind: n.kind, role: n.role, country: n.country, symbol: n.symbol, date: n.date,
        end_date: n.end_date, duration: n.duration, place: n.place, status: n.status,
        binding: n.binding, description: n.description} AS properties,
       outgoing, incoming,
       collect(DISTINCT CASE WHEN d IS NULL THEN NULL
               ELSE {id: d.id, title: d.title, published: d.published} END) AS documents
