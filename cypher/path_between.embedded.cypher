// name: path_between
// dialect: embedded
// description: The shortest connections between two entities (up to 4 hops, not through documents), each hop with its evidence.
// why: the embedded engine has no allShortestPaths() or list comprehensions; it writes [* ALL SHORTEST] with a hop filter and reads lists with properties(). Same columns as path_between.cypher.
// param: a: entity = jogmec -- any entity's id (the CLI resolves names, aliases and symbols to it)
// param: b: entity = energy fuels -- another entity's id
// param: limit: int = 100 -- at most this many paths
// example: :params {a: 'organization:jogmec', b: 'organization:energy-fuels', limit: 100}
MATCH (a:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE a.id = $a
MATCH (b:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE (b.id = $b) AND a <> b
MATCH p = (a)-[* ALL SHORTEST 1..4 (r, n | WHERE r.predicate <> 'MENTIONS')]-(b)
RETURN properties(nodes(p), 'name') AS nodes, properties(nodes(p), 'label') AS labels,
       properties(rels(p), 'predicate') AS relations,
       properties(rels(p), 'documents') AS documents,
       properties(rels(p), 'sentences') AS sentences,
       properties(nodes(p), '_id') AS node_refs, properties(rels(p), '_src') AS source_refs
LIMIT $limit
