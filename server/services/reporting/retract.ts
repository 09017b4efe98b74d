/**
 * Retracting a quote: it leaves every `evidence` list that cites it; a relationship left with no quote leaves the
 * graph, and a node property left with no quote is removed; the Evidence node stays, marked retracted. The changeset
 * keeps everything as it was, so reverting it restores the same ids and quotes.
 */
import type { Node } from 'neo4j-driver';
import type { WriteResult } from '../../../shared/contract/reporting.js';
import { ENTITY_LABEL, EVIDENCE_LABEL } from '../../../shared/model/graph-model.js';
import type { Database } from '../../db/neo4j.js';
import { AppError } from '../../errors.js';
import { findEdges } from '../edge-lookup.js';
import { claimTarget } from '../evidence-service.js';
import { ensureReportingSchema, writeChange } from './changes.js';
import { recomputeConfidence } from './confidence.js';
import { stringList } from '../../db/to-graph.js';

export async function retractClaim(db: Database, id: string, reason: string, by: string): Promise<WriteResult> {
  await ensureReportingSchema(db);
  return db.write(async (tx) => {
    const found = await tx.run(`MATCH (e:${EVIDENCE_LABEL} {id: $id}) RETURN e`, { id });
    const evidence = found.records[0]?.get('e') as Node | undefined;
    if (!evidence) throw new AppError('not_found', `No quote (evidence) with id ${id}`);
    if (evidence.properties.retractedAt) throw new AppError('conflict', `${id} was already retracted (${String(evidence.properties.retractReason)})`);
    const claims = stringList(evidence.properties.claims);
    const targets = [...new Set(claims.map(claimTarget))];
    const edges = await findEdges(tx, targets);
    const edgeIds = edges.map((e) => String(e.rel.properties.id));
    const nodeIds = targets.filter((t) => !edgeIds.includes(t));
    const quote = String(evidence.properties.quote);
    return writeChange(
      tx,
      by,
      { nodes: nodeIds, edges: edgeIds, evidence: [id] },
      {
        kind: 'retract',
        summary: `retracted "${quote.length > 80 ? `${quote.slice(0, 79)}…` : quote}" (${claims.length} ${claims.length === 1 ? 'claim' : 'claims'})`,
        note: reason,
        related: [String(evidence.properties.sourceId), ...edges.flatMap((e) => [String(e.source.properties.id), String(e.target.properties.id)])],
      },
      async () => {
        await tx.run(`MATCH (e:${EVIDENCE_LABEL} {id: $id}) SET e.retractedAt = $at, e.retractedBy = $by, e.retractReason = $reason`, { id, at: new Date().toISOString(), by, reason });
        for (const { rel } of edges) {
          await tx.run(
            `MATCH ()-[r]->() WHERE elementId(r) = $element
             SET r.evidence = [x IN coalesce(r.evidence, []) WHERE x <> $id]
             WITH r WHERE size(r.evidence) = 0 DELETE r`,
            { element: rel.elementId, id },
          );
        }
        await recomputeConfidence(tx, edgeIds);
        await tx.run(`MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids SET n.evidence = [x IN coalesce(n.evidence, []) WHERE x <> $id]`, { ids: nodeIds, id });
        for (const claim of claims.filter((c) => c.includes('#'))) await dropUnsupported(claim);
      },
    );

    /** `node#property` with no standing quote left: the property goes (the changeset keeps its value). */
    async function dropUnsupported(claim: string): Promise<void> {
      const [node, property] = [claimTarget(claim), claim.slice(claim.indexOf('#') + 1)];
      await tx.run(
        `MATCH (n:${ENTITY_LABEL} {id: $node})
         OPTIONAL MATCH (o:${EVIDENCE_LABEL}) WHERE o.id IN coalesce(n.evidence, []) AND o.retractedAt IS NULL AND $claim IN o.claims
         WITH n, count(o) AS support WHERE support = 0
         SET n += $removal`,
        { node, claim, removal: { [property]: null } },
      );
    }
  });
}
