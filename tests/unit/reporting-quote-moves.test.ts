/** Where a quote lands in a corrected text (server/services/reporting/quote-moves.ts). */
import { describe, expect, it } from 'vitest';
import { quoteMover } from '../../server/services/reporting/quote-moves.js';

describe('quoteMover', () => {
  it('keeps a quote before the change, and shifts one after it by the change in length', () => {
    const move = quoteMover('Rubio met Bukele. The deal was secret.', 'Rubio met Bukele twice. The deal was secret.');
    expect(move('Rubio met', 0)).toBe(0);
    expect(move('The deal was secret', 18)).toBe(24);
  });

  it('takes the occurrence nearest the mapped position, so repeated quotes keep their own places', () => {
    const before = 'Rubio met Bukele. Then a long pause. Rubio met Bukele.';
    const after = 'Note: Rubio met Bukele. Then a long pause. Rubio met Bukele.';
    const move = quoteMover(before, after);
    expect(move('Rubio met Bukele', 0)).toBe(6);
    expect(move('Rubio met Bukele', before.lastIndexOf('Rubio'))).toBe(after.lastIndexOf('Rubio'));
  });

  it('maps a quote inside the changed middle in proportion, and finds nothing for a quote no longer verbatim', () => {
    const after = 'S. q two aaaaaaa two bbbbbbb. E.';
    const move = quoteMover('S. two a two b. E.', after);
    expect(move('two', 3)).toBe(after.indexOf('two'));
    expect(move('two', 9)).toBe(after.lastIndexOf('two'));
    expect(move('two a two', 3)).toBeNull();
    expect(move('', 0)).toBeNull();
  });
});
