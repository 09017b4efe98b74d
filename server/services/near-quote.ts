/**
 * Where a quote nearly is in a text: the same once straight and curly quote marks are made alike and runs of
 * whitespace are made one space. Claims (reporting/quote-check.ts) and seed files (seed/quote-hint.ts) both say so
 * when a quote is not verbatim.
 */
const QUOTE_MARKS: Record<string, string> = { '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '«': '"', '»': '"' };

/** The text with quote marks straightened and whitespace runs made one space; `origin[i]` is where folded char i came from. */
function fold(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (out.endsWith(' ')) continue;
      out += ' ';
    } else out += QUOTE_MARKS[ch] ?? ch;
    origin.push(i);
  }
  return { text: out, origin };
}

/** The offsets in `text` of the first passage that is `quote` but for quote marks and whitespace, or null. */
export function nearQuote(text: string, quote: string): { start: number; end: number } | null {
  const wanted = fold(quote).text;
  if (!wanted) return null;
  const folded = fold(text);
  const at = folded.text.indexOf(wanted);
  if (at < 0) return null;
  return { start: folded.origin[at]!, end: folded.origin[at + wanted.length - 1]! + 1 };
}
