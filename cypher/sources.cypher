// name: sources
// description: The documents and sentences behind an entity: every claim about it and every mention, the best-sourced first (relation_sources.cypher does the same for one relation).
// param: ref: entity = china -- an entity's id (the CLI resolves names and aliases to it; given a relation's key it runs relation_sources.cypher)
// param: limit: int = 100 -- at most this many relations each way (from the entity; to it), those with the most sources first
// example: :params {ref: 'country:china', limit: 100}
// order: -sources, relation, source, target
MATCH (n:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE n.id = $ref
MATCH (n)-[r]->(o)
RETURN r.key AS key, r.predicate AS relation, r.source_name AS source, r.target_name AS target,
       size(r.documents) AS sources, r.documents AS documents, r.sentences AS sentences,
       r.rules AS rules
ORDER BY sources DESC, relation, source, target
LIMIT $limit
UNION ALL
MATCH (n:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE n.id = $ref
MATCH (n)<-[r]-(o)
RETURN r.key AS key, r.predicate AS relation, r.source_name AS source, r.target_name AS target,
       size(r.documents) AS sources, r.documents AS documents, r.sentences AS sentences,
       r.rules AS rules
ORDER BY sources DESC, relation, source, target
LIMIT $limit
