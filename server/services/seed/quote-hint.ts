import { nearQuote } from '../near-quote.js';

const named = (ch: string | undefined) => (ch === undefined ? 'the end of the text' : `${JSON.stringify(ch)} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);

/** Why a quote is not verbatim in its text when it nearly is (server/services/near-quote.ts): where, and the first character that differs. */
export function quoteHint(text: string, quote: string): string | null {
  const near = nearQuote(text, quote);
  if (!near) return null;
  let i = near.start;
  let j = 0;
  while (j < quote.length && text[i] === quote[j]) {
    i++;
    j++;
  }
  return `the text has it at offset ${near.start} but for quote marks or whitespace: at offset ${i} the text has ${named(text[i])} where the quote has ${named(quote[j])}`;
}
