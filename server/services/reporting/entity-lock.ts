import type { ManagedTransaction, Node } from 'neo4j-driver';
import { ENTITY_LABEL } from '../../../shared/model/graph-model.js';

/**
 * Takes an entity's write lock before it is read, so that writes reading it run one after the other (two edits of a
 * node, a correction and a claim on one source): the second reads what the first wrote. Setting and removing a
 * scratch property leaves nothing behind. Returns the node as it is, or undefined when there is none.
 */
export async function lockEntity(tx: ManagedTransaction, id: string): Promise<Node | undefined> {
  const { records } = await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) SET n._lock = true REMOVE n._lock RETURN n`, { id });
  return records[0]?.get('n') as Node | undefined;
}
