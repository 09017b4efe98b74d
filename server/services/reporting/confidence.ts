import type { ManagedTransaction } from 'neo4j-driver';
import { EVIDENCE_LABEL, EVIDENCE_LEVELS } from '../../../shared/model/graph-model.js';
import { findEdges } from '../edge-lookup.js';

/** Sets each edge's `confidence` to the firmest level among its evidence that still stands (quotes, then dataset records). */
export async function recomputeConfidence(tx: ManagedTransaction, edgeIds: string[]): Promise<void> {
  for (const { rel } of await findEdges(tx, edgeIds)) {
    await tx.run(
      `MATCH ()-[r]->() WHERE elementId(r) = $element
       OPTIONAL MATCH (e:${EVIDENCE_LABEL}) WHERE e.id IN coalesce(r.evidence, []) AND e.retractedAt IS NULL
       WITH r, collect(e.confidence) AS levels
       SET r.confidence = head([c IN $order WHERE c IN levels])`,
      { element: rel.elementId, order: EVIDENCE_LEVELS },
    );
  }
}
