import type { Node, Relationship } from 'neo4j-driver';
import type { SubgraphResult } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { GraphCollector, stableNodeId } from '../db/to-graph.js';
import { ENTITY_LABEL } from '../../shared/model/graph-model.js';

/** The content nodes with these ids and every relationship among them; ids that name no node come back as `missing`. */
export async function subgraph(db: Database, ids: string[]): Promise<SubgraphResult> {
  const unique = [...new Set(ids)];
  const result = await db.read((tx) =>
    tx.run(
      `MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids
       WITH collect(n) AS nodes
       CALL (nodes) {
         UNWIND nodes AS a
         MATCH (a)-[r]->(b:${ENTITY_LABEL}) WHERE b.id IN $ids
         RETURN collect(r) AS rels
       }
       RETURN nodes, rels`,
      { ids: unique },
    ),
  );
  const record = result.records[0];
  const nodes = (record?.get('nodes') ?? []) as Node[];
  const rels = (record?.get('rels') ?? []) as Relationship[];
  const found = new Set(nodes.map(stableNodeId));
  const graph = new GraphCollector().add(nodes).add(rels).toGraph();
  return { ...graph, missing: unique.filter((id) => !found.has(id)) };
}
