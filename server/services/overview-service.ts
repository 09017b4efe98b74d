import { int } from 'neo4j-driver';
import type { Graph } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { GraphCollector } from '../db/to-graph.js';
import { ENTITY_LABEL } from '../../shared/model/graph-model.js';

/** The best-connected nodes and every relationship among them: the explorer's first view. */
export async function overview(db: Database, limit: number): Promise<Graph> {
  const result = await db.read((tx) =>
    tx.run(
      `MATCH (n:${ENTITY_LABEL})
       WITH n ORDER BY COUNT { (n)--() } DESC LIMIT $limit
       WITH collect(n) AS nodes
       CALL (nodes) {
         UNWIND nodes AS a
         MATCH (a)-[r]->(b:${ENTITY_LABEL}) WHERE b IN nodes
         RETURN collect(r) AS rels
       }
       RETURN nodes, rels`,
      { limit: int(limit) },
    ),
  );
  const record = result.records[0];
  if (!record) return { nodes: [], edges: [] };
  return new GraphCollector().add(record.get('nodes')).add(record.get('rels')).toGraph();
}
