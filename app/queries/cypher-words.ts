/** Cypher 5 vocabulary for highlighting and completion: clause and operator keywords, and common functions. */
export const CYPHER_KEYWORDS = [
  'MATCH', 'OPTIONAL', 'WHERE', 'RETURN', 'WITH', 'UNWIND', 'ORDER', 'BY', 'SKIP', 'LIMIT', 'ASC', 'ASCENDING', 'DESC', 'DESCENDING',
  'DISTINCT', 'AS', 'AND', 'OR', 'XOR', 'NOT', 'IN', 'IS', 'NULL', 'TRUE', 'FALSE', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END',
  'UNION', 'ALL', 'CALL', 'YIELD', 'EXISTS', 'COUNT', 'COLLECT', 'STARTS', 'ENDS', 'CONTAINS', 'NODES', 'RELATIONSHIPS',
  'SHORTEST', 'ANY', 'NONE', 'SINGLE', 'FILTER', 'LET', 'NEXT', 'FINISH', 'ON',
  // Writes and admin words are highlighted (so a refused query reads clearly) but never suggested.
  'CREATE', 'MERGE', 'SET', 'DELETE', 'DETACH', 'REMOVE', 'FOREACH', 'LOAD', 'CSV', 'USE', 'SHOW', 'DROP',
] as const;

/** Keywords worth suggesting in a read-only editor. */
export const SUGGESTED_KEYWORDS = CYPHER_KEYWORDS.slice(0, CYPHER_KEYWORDS.indexOf('CREATE'));

export const CYPHER_FUNCTIONS = [
  'abs', 'all', 'any', 'avg', 'ceil', 'coalesce', 'collect', 'count', 'date', 'datetime', 'duration', 'elementId', 'endNode',
  'exists', 'floor', 'head', 'isEmpty', 'keys', 'labels', 'last', 'left', 'length', 'localdatetime', 'lower', 'ltrim', 'max',
  'min', 'nodes', 'none', 'properties', 'range', 'reduce', 'relationships', 'replace', 'reverse', 'right', 'round', 'rtrim',
  'shortestPath', 'allShortestPaths', 'single', 'size', 'split', 'startNode', 'substring', 'sum', 'tail', 'toBoolean',
  'toFloat', 'toInteger', 'toLower', 'toString', 'toUpper', 'trim', 'type', 'upper',
] as const;
