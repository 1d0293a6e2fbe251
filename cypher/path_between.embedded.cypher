// name: path_between
// dialect: embedded
// description: The shortest connections between two entities (up to 4 hops, not through documents), each hop with its evidence.
// why: the embedded engine has no allShortestPaths() or list comprehensions; it writes [* ALL SHORTEST] with the relationship types allowed and the properties carried along the paths, reads lists with properties(), and names hops and nodes by its own table names (_label). Same columns as path_between.cypher.
// param: a: entity = jogmec -- any entity's id (the CLI resolves names, aliases and symbols to it)
// param: b: entity = energy fuels -- another entity's id
// param: limit: int = 100 -- at most this many paths
// example: :params {a: 'organization:jogmec', b: 'organization:energy-fuels', limit: 100}
MATCH (a:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE a.id = $a
MATCH (b:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE (b.id = $b) AND a <> b
// Every relationship type but MENTIONS, named rather than filtered. The engine reads
// the properties carried along the paths for every relationship touching a node the
// search visits (200k for a hub here): the two evidence lists are most of the query's
// time, so nothing else is carried; a hop's type and a node's label are the engine's
// table names (_label), which are the predicate and label the writer stores.
MATCH p = (a)-[:LEADS|AFFILIATED_WITH|SIGNED|PARTY_TO|COVERS|PRODUCES|PROCESSES|CONTROLS_SHARE|RESTRICTS_EXPORT|DEPENDS_ON|MEMBER_OF|INVESTS_IN|PARTNERS_WITH|INVOLVED_IN|MET_WITH|PARTICIPATED_IN|HELD_IN|LOCATED_IN|BASED_IN|PURCHASES|IMPOSES_TARIFF* ALL SHORTEST 1..4 (r, n | {r.documents, r.sentences}, {n.name})]-(b)
RETURN properties(nodes(p), 'name') AS nodes, properties(nodes(p), '_label') AS labels,
       properties(rels(p), '_label') AS relations,
       properties(rels(p), 'documents') AS documents,
       properties(rels(p), 'sentences') AS sentences,
       properties(nodes(p), '_id') AS node_refs, properties(rels(p), '_src') AS source_refs
LIMIT $limit
