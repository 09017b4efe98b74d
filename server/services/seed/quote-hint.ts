/**
 * Why a quote is not verbatim in its source, when it nearly is: the text has it once straight and curly quotes
 * are made alike and runs of whitespace are made one space. Says where, and the first character that differs.
 */
const QUOTE_MARKS: Record<string, string> = { '‘': "'", '’': "'", '‚': "'", '‛': "'", '“': '"', '”': '"', '„': '"', '‟': '"', '′': "'", '″': '"' };

interface Folded { text: string; origin: number[] }

/** The text with quote marks straightened and whitespace runs made one space; `origin[i]` is where folded char i came from. */
function fold(text: string): Folded {
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

const named = (ch: string | undefined) => (ch === undefined ? 'the end of the text' : `${JSON.stringify(ch)} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);

export function quoteHint(text: string, quote: string): string | null {
  const folded = fold(text);
  const at = folded.text.indexOf(fold(quote).text);
  if (at < 0) return null;
  let i = folded.origin[at]!;
  let j = 0;
  while (j < quote.length && text[i] === quote[j]) {
    i++;
    j++;
  }
  return `the text has it at offset ${folded.origin[at]} but for quote marks or whitespace: at offset ${i} the text has ${named(text[i])} where the quote has ${named(quote[j])}`;
}
