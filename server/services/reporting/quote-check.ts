/** A claim's quote must be verbatim at its offsets; when it is not, say where it is, or where it nearly is. */
import { AppError } from '../../errors.js';

const QUOTE_MARKS: Record<string, string> = { '‘': "'", '’': "'", '‚': "'", '′': "'", '“': '"', '”': '"', '„': '"', '″': '"', '«': '"', '»': '"' };

/** Straight quotes and single spaces, with each character's offset in the original. */
function loosen(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (out.endsWith(' ')) continue;
      out += ' ';
    } else out += QUOTE_MARKS[c] ?? c;
    at.push(i);
  }
  return { text: out, at };
}

export function checkQuote(text: string, quote: string, start: number, end: number): void {
  const refuse = (message: string, where = 'body.quote') => {
    throw new AppError('bad_request', `${where}: ${message}`, [{ where, message }]);
  };
  if (end <= start) refuse(`must be after start (${start})`, 'body.end');
  if (end > text.length) refuse(`is past the end of the source's text (${text.length} characters)`, 'body.end');
  if (text.slice(start, end) === quote) return;
  const elsewhere = text.indexOf(quote);
  if (elsewhere >= 0) refuse(`"${quote}" is not at ${start}-${end}; it occurs verbatim at ${elsewhere}-${elsewhere + quote.length}`);
  const loose = loosen(text);
  const wanted = loosen(quote.trim()).text;
  const near = wanted ? loose.text.indexOf(wanted) : -1;
  if (near >= 0) {
    const from = loose.at[near]!;
    const to = loose.at[near + wanted.length - 1]! + 1;
    refuse(`"${quote}" is not verbatim in the source; it differs only in quotation marks or whitespace from the text at ${from}-${to}: "${text.slice(from, to)}"`);
  }
  refuse(`"${quote}" is not in the source's text`);
}
