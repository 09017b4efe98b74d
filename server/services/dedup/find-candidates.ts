/** Candidate pairs from entities in memory (pure): blocked, scored, kept from `MIN_SCORE`, best first. */
import { candidatePairs } from './blocking.js';
import type { DedupEntity } from './dedup-entity.js';
import { scorePair } from './score-pair.js';

/** Below this, a pair shares a word or two but little else ("Verband der Chemischen Industrie" and "… Metallindustrie"). */
export const MIN_SCORE = 0.5;

export interface Candidate { a: DedupEntity; b: DedupEntity; score: number; reasons: string[] }

export const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

/** `involving`: only pairs with one of these ids (scoring is the costly part; blocking needs every entity). */
export function findCandidates(entities: readonly DedupEntity[], involving?: ReadonlySet<string>): Candidate[] {
  return candidatePairs(entities)
    .filter(([a, b]) => !involving || involving.has(a.id) || involving.has(b.id))
    .map(([a, b]) => ({ a, b, ...scorePair(a, b) }))
    .filter((c) => c.score >= MIN_SCORE)
    .sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name) || x.b.name.localeCompare(y.b.name));
}

/**
 * Which of two stays when they are judged the same: the one with more relationships and quotes or records (fewer
 * things move), then the one reporting made over one an import made (it was in the graph before the dataset), then `a`.
 */
export function entityThatStays(a: DedupEntity, b: DedupEntity): DedupEntity {
  if (a.weight !== b.weight) return a.weight > b.weight ? a : b;
  if (a.imported !== b.imported) return a.imported ? b : a;
  return a.id < b.id ? a : b;
}
