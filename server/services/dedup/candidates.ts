/**
 * GET /dedup/candidates: computed on each request from the graph as it is (no stored pairs to go stale after an
 * import, an edit or a merge), the standing judgements left out, and for the page asked each pair's sides and the
 * merge that "same" would do.
 */
import { performance } from 'node:perf_hooks';
import type { ManagedTransaction, Node } from 'neo4j-driver';
import type { DedupCandidates, DedupPair, DedupSide } from '../../../shared/contract/dedup.js';
import type { Database } from '../../db/neo4j.js';
import { stringList, toWireNode } from '../../db/to-graph.js';
import { connectionHints } from '../reporting/entity-match.js';
import { planMerge, toPreview } from '../reporting/merge-plan.js';
import { loadEntities } from './dedup-entity.js';
import { entityThatStays, findCandidates, pairKey, type Candidate } from './find-candidates.js';
import { AUTOMATIC_CHOICES } from './judge-pair.js';
import { standingJudgements } from './judgements-store.js';

export async function listCandidates(db: Database, query: { limit: number; offset: number; unsure: boolean }): Promise<DedupCandidates> {
  return db.read(async (tx) => {
    const started = performance.now();
    const entities = await loadEntities(tx);
    const judged = await standingJudgements(tx);
    const open = findCandidates(entities).filter((c) => {
      const judgement = judged.get(pairKey(c.a.id, c.b.id))?.judgement;
      return judgement === undefined || (judgement === 'unsure' && query.unsure);
    });
    const tookMs = Math.round(performance.now() - started);
    const page = open.slice(query.offset, query.offset + query.limit);
    const hints = await connectionHints(tx, page.flatMap((c) => [c.a.id, c.b.id]));
    const pairs: DedupPair[] = [];
    for (const candidate of page) pairs.push(await describePair(tx, candidate, hints, judged.has(pairKey(candidate.a.id, candidate.b.id)) ? 'unsure' : null));
    return { total: open.length, pairs, entities: entities.length, tookMs };
  });
}

async function describePair(tx: ManagedTransaction, { a, b, score, reasons }: Candidate, hints: Map<string, string[]>, judgement: 'unsure' | null): Promise<DedupPair> {
  const into = entityThatStays(a, b);
  const plan = await planMerge(tx, into === a ? b.id : a.id, into.id, AUTOMATIC_CHOICES);
  const side = (node: Node): DedupSide => {
    const evidence = stringList(node.properties.evidence);
    const records = evidence.filter((e) => e.startsWith('record:'));
    return {
      node: toWireNode(node),
      connections: hints.get(String(node.properties.id)) ?? [],
      datasets: [...new Set(records.map((r) => r.split(':')[1] ?? ''))],
      quotes: evidence.length - records.length,
    };
  };
  const [nodeA, nodeB] = into === a ? [plan.into, plan.from] : [plan.from, plan.into];
  return { a: side(nodeA), b: side(nodeB), score, reasons, judgement, merge: toPreview(plan) };
}
