/**
 * Where a quote of a source's text lands in its corrected text. A correction usually changes a few places: the text
 * before the first change and after the last one is shared, so a position there maps exactly (shifted by the change
 * in length after it); a position inside the changed middle maps in proportion. The quote moves to its verbatim
 * occurrence nearest that mapped position (the earlier one on a tie), or nowhere when it is no longer verbatim.
 */
export type QuoteMover = (quote: string, start: number) => number | null;

export function quoteMover(before: string, after: string): QuoteMover {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const oldMiddle = before.length - prefix - suffix;
  const newMiddle = after.length - prefix - suffix;

  const mapped = (position: number) => {
    if (position <= prefix) return position;
    if (position >= before.length - suffix) return position + after.length - before.length;
    return prefix + Math.round(((position - prefix) * newMiddle) / oldMiddle);
  };

  return (quote, start) => {
    if (!quote) return null;
    const target = mapped(start);
    let best: number | null = null;
    for (let at = after.indexOf(quote); at >= 0; at = after.indexOf(quote, at + 1)) {
      if (best === null || Math.abs(at - target) < Math.abs(best - target)) best = at;
      if (at > target) break;
    }
    return best;
  };
}
