import type { Node, Relationship } from 'neo4j-driver';
import type { SubgraphResult } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { GraphCollector, stableNodeId } from '../db/to-graph.js';
import { ENTITY_LABEL } from '../../shared/model/graph-model.js';
import { resolveIds } from './redirects.js';

/**
 * The content nodes with these ids and every relationship among them; a merged id stands for the entity it was
 * merged into (listed in `redirects`), and ids that name no node come back as `missing`.
 */
export async function subgraph(db: Database, ids: string[]): Promise<SubgraphResult> {
  const { result, unique, redirects } = await db.read(async (tx) => {
    const { ids: unique, redirects } = await resolveIds(tx, ids);
    const result = await tx.run(
      `MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids
       WITH collect(n) AS nodes
       CALL (nodes) {
         UNWIND nodes AS a
         MATCH (a)-[r]->(b:${ENTITY_LABEL}) WHERE b.id IN $ids
         RETURN collect(r) AS rels
       }
       RETURN nodes, rels`,
      { ids: unique },
    );
    return { result, unique, redirects };
  });
  const record = result.records[0];
  const nodes = (record?.get('nodes') ?? []) as Node[];
  const rels = (record?.get('rels') ?? []) as Relationship[];
  const found = new Set(nodes.map(stableNodeId));
  const graph = new GraphCollector().add(nodes).add(rels).toGraph();
  return { ...graph, missing: unique.filter((id) => !found.has(id)), redirects };
}
