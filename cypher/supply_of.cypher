// name: supply_of
// description: Who controls a share of a mineral's supply (directly or of its groups), stage by stage, each claim with its documents.
// param: mineral: string = dysprosium -- a mineral's id, name, alias or symbol (lower case)
// example: :param mineral => 'dysprosium'
MATCH (m:Mineral)
WHERE m.id = $mineral OR toLower($mineral) IN m.lookup
MATCH (m)-[:MEMBER_OF*0..3]->(g:Mineral)
MATCH (s)-[c:CONTROLS_SHARE]->(g)
RETURN s.name AS supplier, g.name AS mineral, c.stage AS stage, c.share AS share,
       c.qualifier AS qualifier, c.documents AS documents, c.sentences AS sentences
ORDER BY supplier, stage, share
