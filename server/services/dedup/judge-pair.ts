/**
 * POST /dedup/judgements: a judgement on a pair, kept so the pair is never proposed again; `same` merges the two in
 * the same transaction (`mergeInTx`: redirects, history, undo), the one that goes being `from`.
 */
import type { z } from 'zod';
import type { JudgementInputSchema, JudgementResult } from '../../../shared/contract/dedup.js';
import type { MergeChoice, WriteResult } from '../../../shared/contract/reporting.js';
import type { Database } from '../../db/neo4j.js';
import { AppError } from '../../errors.js';
import { ensureRedirectSchema, redirectOf } from '../redirects.js';
import { ensureReportingSchema } from '../reporting/changes.js';
import { mergeInTx } from '../reporting/merge-entities.js';
import { loadEntities } from './dedup-entity.js';
import { entityThatStays, pairKey } from './find-candidates.js';
import { ensureDedupSchema, standingJudgements, storeJudgement } from './judgements-store.js';

/**
 * Settled without asking: two imported records of one entity always differ in their FtM id and may in their schema;
 * the one that stays keeps its own (the other's id stays on its record and leads here by the redirect).
 */
export const AUTOMATIC_CHOICES: Record<string, MergeChoice> = { ftmId: 'into', ftmSchema: 'into' };

export async function judgePair(db: Database, input: z.output<typeof JudgementInputSchema>, by: string): Promise<JudgementResult> {
  if (input.a === input.b) throw new AppError('bad_request', 'body.b: a pair needs two entities', [{ where: 'body.b', message: 'is the same entity as body.a' }]);
  if (input.keep !== undefined && input.keep !== input.a && input.keep !== input.b) {
    throw new AppError('bad_request', 'body.keep: must be body.a or body.b', [{ where: 'body.keep', message: 'is neither of the pair' }]);
  }
  await Promise.all([ensureDedupSchema(db), ensureReportingSchema(db), ensureRedirectSchema(db)]);
  return db.write(async (tx) => {
    const standing = (await standingJudgements(tx)).get(pairKey(input.a, input.b));
    if (standing && standing.judgement !== 'unsure') {
      throw new AppError('conflict', `${input.a} and ${input.b} were judged ${standing.judgement} by ${standing.by} at ${standing.at}`, [{ where: 'body', message: `already judged ${standing.judgement}` }]);
    }
    const entities = await loadEntities(tx, [input.a, input.b]);
    for (const where of ['a', 'b'] as const) {
      const id = input[where];
      if (entities.some((e) => e.id === id)) continue;
      const to = await redirectOf(tx, id);
      if (to) throw new AppError('conflict', `body.${where}: ${id} was already merged into ${to}`, [{ where: `body.${where}`, message: `was merged into ${to}` }]);
      throw new AppError('not_found', `body.${where}: no person or organisation with id ${id}`, [{ where: `body.${where}`, message: `no person or organisation with id ${id}` }]);
    }
    let merge: WriteResult | null = null;
    if (input.judgement === 'same') {
      const into = input.keep ?? entityThatStays(entities[0]!, entities[1]!).id;
      const from = into === input.a ? input.b : input.a;
      merge = await mergeInTx(tx, from, into, { ...AUTOMATIC_CHOICES, ...input.choose }, by);
    }
    const [a, b] = [input.a, input.b].sort();
    const judgement = { a: a!, b: b!, judgement: input.judgement, by, at: new Date().toISOString(), change: merge?.change.id ?? null };
    await storeJudgement(tx, judgement);
    return { judgement, merge };
  });
}
