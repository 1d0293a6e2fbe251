// name: path_between
// dialect: embedded
// description: The shortest connections between two entities (up to 4 hops, not through documents), each hop with its evidence.
// why: the embedded engine has no allShortestPaths() or list comprehensions; it writes [* ALL SHORTEST] with the relationship types allowed and the properties carried along the paths, and reads lists with properties(). Same columns as path_between.cypher.
// param: a: entity = jogmec -- any entity's id (the CLI resolves names, aliases and symbols to it)
// param: b: entity = energy fuels -- another entity's id
// param: limit: int = 100 -- at most this many paths
// example: :params {a: 'organization:jogmec', b: 'organization:energy-fuels', limit: 100}
MATCH (a:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE a.id = $a
MATCH (b:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE (b.id = $b) AND a <> b
// Every relationship type but MENTIONS, named rather than filtered, and only the
// properties the answer shows carried along the paths: the engine reads the listed
// properties of every relationship touching a node on a shortest path (124k for a hub
// here), so reading all of them, or the mentions too, cost 2-3x as much.
MATCH p = (a)-[:LEADS|AFFILIATED_WITH|SIGNED|PARTY_TO|COVERS|PRODUCES|PROCESSES|CONTROLS_SHARE|RESTRICTS_EXPORT|DEPENDS_ON|MEMBER_OF|INVESTS_IN|PARTNERS_WITH|INVOLVED_IN|MET_WITH|PARTICIPATED_IN|HELD_IN|LOCATED_IN|BASED_IN|PURCHASES|IMPOSES_TARIFF* ALL SHORTEST 1..4 (r, n | {r.predicate, r.documents, r.sentences}, {n.name, n.label})]-(b)
RETURN properties(nodes(p), 'name') AS nodes, properties(nodes(p), 'label') AS labels,
       properties(rels(p), 'predicate') AS relations,
       properties(rels(p), 'documents') AS documents,
       properties(rels(p), 'sentences') AS sentences,
       properties(nodes(p), '_id') AS node_refs, properties(rels(p), '_src') AS source_refs
LIMIT $limit
