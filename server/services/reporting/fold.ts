/** Case- and accent-insensitive comparison of names and text, keeping the way back to the original offsets. */

/** "Núñez, N." → "nunez, n.": lower case, without diacritics (NFKD then combining marks dropped). */
export const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Words: runs of letters and digits, folded. */
export const words = (text: string) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

export interface Word { word: string; start: number; end: number }

/** The folded words of a text with their UTF-16 offsets in the original (folding may change a character's length). */
export function wordsWithOffsets(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = fold(match[0]).replace(/[^\p{L}\p{N}]/gu, '');
    if (word) found.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return found;
}
