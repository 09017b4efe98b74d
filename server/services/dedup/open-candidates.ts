/** How many candidate pairs involving some entities nobody has judged yet: what an import's reply offers to review. */
import type { Database } from '../../db/neo4j.js';
import { loadEntities } from './dedup-entity.js';
import { findCandidates, pairKey } from './find-candidates.js';
import { standingJudgements } from './judgements-store.js';

export async function unjudgedCandidatesInvolving(db: Database, ids: ReadonlySet<string>): Promise<number> {
  if (ids.size === 0) return 0;
  return db.read(async (tx) => {
    const judged = await standingJudgements(tx);
    return findCandidates(await loadEntities(tx), ids).filter((c) => !judged.has(pairKey(c.a.id, c.b.id))).length;
  });
}
