/** "Did you mean …?": the ids nearest to a misspelt one, by edit distance. */

/** Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Up to three candidates close enough to be a slip (a third of the slug's length, at least two edits), nearest first. */
export function nearestIds(id: string, candidates: Iterable<string>, count = 3): string[] {
  const slug = id.slice(id.indexOf(':') + 1);
  const limit = Math.max(2, Math.floor(slug.length / 3));
  return [...new Set(candidates)]
    .filter((c) => c !== id)
    .map((c) => ({ c, d: editDistance(id, c, limit) }))
    .filter(({ d }) => d <= limit)
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, count)
    .map(({ c }) => c);
}

/** "; did you mean person:pam-bondi?", or nothing when no id is near. */
export function didYouMean(id: string, candidates: Iterable<string>): string {
  const near = nearestIds(id, candidates);
  return near.length ? `; did you mean ${near.join(' or ')}?` : '';
}
