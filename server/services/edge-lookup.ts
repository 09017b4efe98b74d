import type { ManagedTransaction, Node, Relationship } from 'neo4j-driver';
import { relationshipTypes } from '../db/cypher-names.js';
import { ENTITY_LABEL } from '../../shared/model/graph-model.js';

export interface FoundEdge {
  source: Node;
  rel: Relationship;
  target: Node;
}

/**
 * Relationships between content nodes by their `id` property. Relationship indexes are per type,
 * so the lookup is one index seek per type (a UNION), never a scan of every relationship.
 */
export async function findEdges(tx: ManagedTransaction, ids: readonly string[]): Promise<FoundEdge[]> {
  if (ids.length === 0) return [];
  const types = await relationshipTypes(tx);
  if (types.length === 0) return [];
  const branches = types.map((t) => `MATCH (a:${ENTITY_LABEL})-[r:${t}]->(b:${ENTITY_LABEL}) WHERE r.id IN $ids RETURN a, r, b`);
  const result = await tx.run(`CALL () { ${branches.join(' UNION ALL ')} } RETURN a, r, b`, { ids: [...new Set(ids)] });
  return result.records.map((r) => ({ source: r.get('a') as Node, rel: r.get('r') as Relationship, target: r.get('b') as Node }));
}
