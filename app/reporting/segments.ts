/** The reader's text cut where quotes and mentions begin and end, so each piece knows what covers it. */
export interface Span {
  start: number;
  end: number;
}

export interface Segment<Q, M> {
  start: number;
  end: number;
  quotes: Q[];
  mentions: M[];
  /** Marks that only colour the text (the quote being claimed). */
  marks: Span[];
}

export function segments<Q extends Span, M extends Span>(length: number, quotes: readonly Q[], mentions: readonly M[], marks: readonly Span[] = []): Segment<Q, M>[] {
  const inside = (s: Span) => s.start >= 0 && s.end <= length && s.start < s.end;
  const qs = quotes.filter(inside);
  const ms = mentions.filter(inside);
  const ks = marks.filter(inside);
  const cuts = new Set([0, length]);
  for (const s of [...qs, ...ms, ...ks]) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const result: Segment<Q, M>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covers = (s: Span) => s.start <= start && s.end >= end;
    result.push({ start, end, quotes: qs.filter(covers), mentions: ms.filter(covers), marks: ks.filter(covers) });
  }
  return result;
}
