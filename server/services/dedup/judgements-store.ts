/**
 * Judgements kept as `(:_DedupJudgement {key, a, b, judgement, by, at, change})` bookkeeping nodes (a `_` label: no part
 * of the graph, unreadable by analysts' Cypher), one per pair, `a` < `b`. A `same` whose merge was reverted no longer
 * stands: the pair is proposed again, to be judged anew.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Judgement } from '../../../shared/contract/dedup.js';
import type { Database } from '../../db/neo4j.js';
import { CHANGE_LABEL } from '../reporting/changes.js';
import { pairKey } from './find-candidates.js';

const JUDGEMENT_LABEL = '_DedupJudgement';

export interface StoredJudgement { a: string; b: string; judgement: Judgement; by: string; at: string; change: string | null }

const ensured = new WeakSet<Database>();
export async function ensureDedupSchema(db: Database): Promise<void> {
  if (ensured.has(db)) return;
  await db.driver.executeQuery(`CREATE CONSTRAINT dedup_judgement_key IF NOT EXISTS FOR (j:${JUDGEMENT_LABEL}) REQUIRE j.key IS UNIQUE`, {}, { database: db.database });
  ensured.add(db);
}

/** The standing judgements by pair key. */
export async function standingJudgements(tx: ManagedTransaction): Promise<Map<string, StoredJudgement>> {
  const { records } = await tx.run(
    `MATCH (j:${JUDGEMENT_LABEL})
     OPTIONAL MATCH (c:${CHANGE_LABEL} {id: j.change})
     WITH j, c WHERE NOT (j.judgement = 'same' AND c.revertedBy IS NOT NULL)
     RETURN j {.a, .b, .judgement, .by, .at, .change} AS j`,
  );
  return new Map(records.map((r) => r.get('j') as StoredJudgement).map((j) => [pairKey(j.a, j.b), j]));
}

export async function storeJudgement(tx: ManagedTransaction, judgement: StoredJudgement): Promise<void> {
  await tx.run(`MERGE (j:${JUDGEMENT_LABEL} {key: $key}) SET j += $judgement`, { key: pairKey(judgement.a, judgement.b), judgement });
}
