import type { EdgeDetails } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { stableNodeId, stringList, toWireEdge, toWireNode } from '../db/to-graph.js';
import { findEdges } from './edge-lookup.js';
import { fetchEvidence } from './evidence-service.js';
import { notFoundOrMoved } from './redirects.js';

/** An edge, both its end nodes, and the quotes behind it with their sources. */
export async function edgeDetails(db: Database, id: string): Promise<EdgeDetails> {
  return db.read(async (tx) => {
    const [found] = await findEdges(tx, [id]);
    if (!found) throw await notFoundOrMoved(tx, id, `No edge with id ${id}`);
    const evidenceIds = found.rel.properties.evidence;
    const evidence = await fetchEvidence(tx, stringList(evidenceIds));
    return {
      edge: toWireEdge(found.rel, stableNodeId(found.source), stableNodeId(found.target)),
      sourceNode: toWireNode(found.source),
      targetNode: toWireNode(found.target),
      evidence,
    };
  });
}
