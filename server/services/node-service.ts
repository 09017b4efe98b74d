import type { Node } from 'neo4j-driver';
import type { Degree, NodeDetails } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { stringList, toWireNode } from '../db/to-graph.js';
import { degreeExpression, relationshipTypes } from '../db/cypher-names.js';
import { fetchEvidence } from './evidence-service.js';
import { notFoundOrMoved } from './redirects.js';
import { ENTITY_LABEL } from '../../shared/model/graph-model.js';

/**
 * A node, the quotes behind its properties, and its degree per type and direction.
 * Degrees come from `COUNT { }` per type and direction, which Neo4j answers from its degree store
 * (constant time on dense nodes), so a hub of 100,000 relationships costs what a leaf does.
 */
export async function nodeDetails(db: Database, id: string): Promise<NodeDetails> {
  return db.read(async (tx) => {
    const types = await relationshipTypes(tx);
    const slots = types.flatMap((type) => (['out', 'in'] as const).map((direction) => ({ type, direction })));
    const counts = slots.map((s) => degreeExpression('n', s.type, s.direction)).join(', ');
    const result = await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN n, [${counts}] AS degrees`, { id });
    const record = result.records[0];
    if (!record) throw await notFoundOrMoved(tx, id, `No node with id ${id}`);
    const node = record.get('n') as Node;
    const values = record.get('degrees') as number[];
    const degree: Degree[] = slots.map((s, i) => ({ ...s, count: Number(values[i]) })).filter((d) => d.count > 0);
    const evidenceIds = node.properties.evidence;
    const evidence = await fetchEvidence(tx, stringList(evidenceIds));
    return { node: toWireNode(node), evidence, degree };
  });
}
