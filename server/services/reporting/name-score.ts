/**
 * How likely a written name means an existing entity's name: a pure scorer, tolerant of case and accents, initials
 * ("N. Bukele"), reversed order ("Bukele, Nayib"), typos (edit distance) and a part of the name ("Bukele").
 * Word by word: each word of the written name is paired with the best unused word of the entity's name.
 */
import { fold, words } from './fold.js';

export interface NameScore { score: number; reasons: string[] }

/** 0..1 and why; 0 when nothing pairs. */
export function scoreName(written: string, existing: string): NameScore {
  if (written.trim() === existing.trim()) return { score: 1, reasons: ['same name'] };
  const a = words(written);
  const b = words(existing);
  if (a.length === 0 || b.length === 0) return { score: 0, reasons: [] };
  if (a.join(' ') === b.join(' ')) return { score: 0.98, reasons: [sameWordsReason(written.trim(), existing.trim())] };

  const reasons = new Set<string>();
  const used = new Set<number>();
  const positions: number[] = [];
  let total = 0;
  for (const word of a) {
    let best = { at: -1, score: 0, reason: '' };
    b.forEach((other, at) => {
      if (used.has(at)) return;
      const pair = pairWords(word, other);
      if (pair.score > best.score) best = { at, ...pair };
    });
    if (best.at < 0) continue;
    used.add(best.at);
    positions.push(best.at);
    total += best.score;
    if (best.reason) reasons.add(best.reason);
  }
  if (positions.length === 0) return { score: 0, reasons: [] };
  if (positions.some((p, i) => i > 0 && p < positions[i - 1]!)) reasons.add('names reversed');
  const unpaired = a.length - positions.length;
  if (unpaired === 0 && b.length > a.length) reasons.add('part of the name');
  if (unpaired > 0) reasons.add('some words differ');
  // A written name that is only part of the entity's name counts for less: "Bukele" is likelier a relative than "N. Bukele".
  const coverage = unpaired === 0 && b.length > a.length ? 0.55 + 0.35 * (positions.length / b.length) : 1;
  const score = (total / Math.max(a.length, Math.min(b.length, positions.length + unpaired))) * coverage - (reasons.has('names reversed') ? 0.03 : 0);
  return { score: round(Math.max(0, score)), reasons: [...reasons] };
}

function sameWordsReason(written: string, existing: string): string {
  if (written.toLowerCase() === existing.toLowerCase()) return 'same name in other case';
  if (fold(written) === fold(existing)) return 'same name without accents';
  return 'same words';
}

function pairWords(a: string, b: string): { score: number; reason: string } {
  if (a === b) return { score: 1, reason: '' };
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return { score: 0.85, reason: 'initials' };
  const distance = editDistance(a, b);
  const allowed = Math.min(a.length, b.length) >= 8 ? 2 : Math.min(a.length, b.length) >= 4 ? 1 : 0;
  if (distance <= allowed) return { score: 1 - 0.1 * distance, reason: distance === 1 ? 'one letter off' : 'two letters off' };
  return { score: 0, reason: '' };
}

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j]!, before[j - 2]! + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The best of an entity's name and aliases; an alias match says so. */
export function scoreEntity(written: string, name: string, aliases: readonly string[]): NameScore {
  const byName = scoreName(written, name);
  const byAlias = aliases.map((alias) => scoreName(written, alias)).sort((x, y) => y.score - x.score)[0];
  if (!byAlias || byAlias.score <= byName.score) return byName;
  return { score: byAlias.score, reasons: ['alias', ...byAlias.reasons] };
}
