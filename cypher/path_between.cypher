// name: path_between
// dialect: neo4j
// description: The shortest connections between two entities (up to 4 hops, not through documents), each hop with its evidence.
// why: Neo4j writes shortest paths as allShortestPaths() and lists per hop with comprehensions; path_between.embedded.cypher says the same in the embedded engine's dialect.
// param: a: entity = jogmec -- any entity's id (the CLI resolves names, aliases and symbols to it)
// param: b: entity = energy fuels -- another entity's id
// param: limit: int = 100 -- at most this many paths
// example: :params {a: 'organization:jogmec', b: 'organization:energy-fuels', limit: 100}
MATCH (a:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE a.id = $a
MATCH (b:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE (b.id = $b) AND a <> b
MATCH p = allShortestPaths((a)-[*..4]-(b))
WHERE none(r IN relationships(p) WHERE r.predicate = 'MENTIONS')
RETURN [n IN nodes(p) | n.name] AS nodes, [n IN nodes(p) | n.label] AS labels,
       [r IN relationships(p) | r.predicate] AS relations,
       [r IN relationships(p) | r.documents] AS documents,
       [r IN relationships(p) | r.sentences] AS sentences,
       [n IN nodes(p) | elementId(n)] AS node_refs,
       [r IN relationships(p) | elementId(startNode(r))] AS source_refs
LIMIT $limit
