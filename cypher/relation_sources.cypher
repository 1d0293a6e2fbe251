// name: relation_sources
// description: The documents and sentences behind one relation, given its key (as `sources`, `explain` and the JSON exports show it).
// param: key: string = 0123456789abcdef -- a relation's key: 16 hexadecimal digits
// example: :param key => '0123456789abcdef'
MATCH (s)-[r]->(o)
WHERE r.key = $key
RETURN r.key AS key, r.predicate AS relation, r.source_name AS source, r.target_name AS target,
       size(r.documents) AS sources, r.documents AS documents, r.sentences AS sentences,
       r.rules AS rules
