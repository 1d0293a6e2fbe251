// name: neighbours
// description: An entity's neighbours, each with the relation type and its direction (documents that mention it aside), once per neighbour and relation.
// param: entity: entity = japan -- any entity's id (the CLI resolves names, aliases and symbols to it)
// param: limit: int = 100 -- at most this many neighbours each way, by relation type and name
// example: :params {entity: 'country:japan', limit: 100}
// order: direction, relation, name
MATCH (n:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE n.id = $entity
MATCH (n)-[r]->(o)
WHERE r.predicate <> 'MENTIONS'
RETURN DISTINCT r.predicate AS relation, 'out' AS direction, r.target_id AS id,
       r.target_name AS name, r.target_label AS label
ORDER BY relation, name, id
LIMIT $limit
UNION ALL
MATCH (n:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE n.id = $entity
// A labelled neighbour keeps the documents' mentions out of the scan (a document is
// no entity; the filter says what is meant).
MATCH (n)<-[r]-(o:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE r.predicate <> 'MENTIONS'
RETURN DISTINCT r.predicate AS relation, 'in' AS direction, r.source_id AS id,
       r.source_name AS name, r.source_label AS label
ORDER BY relation, name, id
LIMIT $limit
