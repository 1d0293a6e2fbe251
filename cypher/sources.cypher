// name: sources
// description: The documents and sentences behind an entity (every claim about it and every mention) or behind one relation, given its key.
// param: ref: entity_or_key = china -- an entity's id (the CLI resolves names and aliases to it) or a relation's key
// example: :param ref => 'country:china'
// order: relation, source, target
MATCH (n:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE n.id = $ref
MATCH (n)-[r]->(o)
RETURN r.key AS key, r.predicate AS relation, n.name AS source, o.name AS target,
       r.documents AS documents, r.sentences AS sentences, r.rules AS rules
UNION
MATCH (n:Country|Region|Person|Organization|Mineral|Commodity|Sector|Agreement|Event|Place)
WHERE n.id = $ref
MATCH (n)<-[r]-(o)
RETURN r.key AS key, r.predicate AS relation, o.name AS source, n.name AS target,
       r.documents AS documents, r.sentences AS sentences, r.rules AS rules
UNION
MATCH (s)-[r]->(o)
WHERE r.key = $ref
RETURN r.key AS key, r.predicate AS relation, s.name AS source, o.name AS target,
       r.documents AS documents, r.sentences AS sentences, r.rules AS rules
