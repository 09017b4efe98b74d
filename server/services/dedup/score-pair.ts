/**
 * How likely two entities are one: their best pair of names (name or alias each) scored by `scoreName` once titles
 * and legal forms are set aside, then moved up by what they share (an identifier, a birth date, an address) and down
 * by what contradicts (another birth date, other countries, other legal forms). 0..1 with the reasons, pure.
 */
import { scoreName, type NameScore } from '../reporting/name-score.js';
import type { DedupEntity } from './dedup-entity.js';
import { comparableName } from './normalise-name.js';

type Compared = Pick<DedupEntity, 'name' | 'names' | 'identifiers' | 'birthDates' | 'countries' | 'addresses' | 'legalForms'>;

const DIFFERING_WORDS = 0.75;

const shares = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));
const contradicts = (a: readonly string[], b: readonly string[]) => a.length > 0 && b.length > 0 && !shares(a, b);
/** Closes part of the gap to 1: strong evidence lifts a weak name more than a strong one. */
const lift = (score: number, share: number) => 1 - (1 - score) * (1 - share);

/** Names compared both ways (the scorer scales down the shorter being part of the longer, in either order). */
function scoreNames(a: string, b: string): NameScore {
  const [x, y] = [comparableName(a), comparableName(b)];
  if (!x || !y) return { score: 0, reasons: [] };
  if (x === y) return a.trim() === b.trim() ? { score: 1, reasons: ['same name'] } : { score: 0.97, reasons: ['same name but titles, legal forms or spelling'] };
  const [one, other] = [scoreName(x, y), scoreName(y, x)];
  const best = one.score >= other.score ? one : other;
  // Both names have words the other lacks: in a register those are what tell two bodies apart ("… Bayern", "… Hessen").
  return best.reasons.includes('some words differ') ? { ...best, score: best.score * DIFFERING_WORDS } : best;
}

function bestNames(a: Compared, b: Compared): NameScore {
  let best: NameScore = { score: 0, reasons: [] };
  for (const x of a.names) {
    for (const y of b.names) {
      const scored = scoreNames(x, y);
      const viaAlias = x !== a.name || y !== b.name;
      if (scored.score > best.score) best = viaAlias ? { score: scored.score, reasons: ['alias', ...scored.reasons] } : scored;
    }
  }
  return best;
}

export function scorePair(a: Compared, b: Compared): NameScore {
  const names = bestNames(a, b);
  let score = names.score;
  const reasons = [...names.reasons];
  const sharedIds = a.identifiers.filter((i) => b.identifiers.includes(i));
  if (sharedIds.length) {
    score = lift(score, 0.8);
    reasons.push(...sharedIds.map((i) => `same ${i.slice(0, i.indexOf(':'))}`));
  }
  const datesAgree = a.birthDates.some((x) => b.birthDates.some((y) => x.startsWith(y) || y.startsWith(x)));
  if (datesAgree) {
    score = lift(score, 0.4);
    reasons.push('same birth date');
  } else if (a.birthDates.length && b.birthDates.length) {
    score -= 0.3;
    reasons.push('different birth dates');
  }
  if (shares(a.addresses, b.addresses)) {
    score = lift(score, 0.3);
    reasons.push('same address');
  }
  if (contradicts(a.countries, b.countries)) {
    score -= 0.2;
    reasons.push('different countries');
  }
  if (contradicts(a.legalForms, b.legalForms)) {
    score -= 0.1;
    reasons.push('different legal forms');
  }
  return { score: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100, reasons };
}
