/** A claim's quote must be verbatim at its offsets; when it is not, say where it is, or where it nearly is. */
import { AppError } from '../../errors.js';
import { nearQuote } from '../near-quote.js';

export function checkQuote(text: string, quote: string, start: number, end: number): void {
  const refuse = (message: string, where = 'body.quote') => {
    throw new AppError('bad_request', `${where}: ${message}`, [{ where, message }]);
  };
  if (end <= start) refuse(`must be after start (${start})`, 'body.end');
  if (end > text.length) refuse(`is past the end of the source's text (${text.length} characters)`, 'body.end');
  if (text.slice(start, end) === quote) return;
  const elsewhere = text.indexOf(quote);
  if (elsewhere >= 0) refuse(`"${quote}" is not at ${start}-${end}; it occurs verbatim at ${elsewhere}-${elsewhere + quote.length}`);
  const near = nearQuote(text, quote.trim());
  if (near) {
    const { start: from, end: to } = near;
    refuse(`"${quote}" is not verbatim in the source; it differs only in quotation marks or whitespace from the text at ${from}-${to}: "${text.slice(from, to)}"`);
  }
  refuse(`"${quote}" is not in the source's text`);
}
