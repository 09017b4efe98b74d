/**
 * Names reduced to what identifies them, for comparing entities of datasets: lower case, accents and ligatures
 * transliterated (`ß` → `ss`, `æ` → `ae`), punctuation dropped, and the words that say nothing about who it is left
 * out: honorifics and titles (Herr, Frau, Dr., Prof.), connectives (der, und, the) and legal forms (GmbH, e.V., AG,
 * Ltd.), which are kept apart.
 */
import { fold } from '../reporting/fold.js';

/** Letters NFKD does not decompose, written as their usual Latin transliteration. */
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' };

const HONORIFICS = new Set(['herr', 'frau', 'fraulein', 'dr', 'prof', 'ing', 'dipl', 'mr', 'mrs', 'ms', 'miss', 'sir', 'dame', 'eheleute', 'firma']);

/** Words that join others and identify nothing ("Verband der …", "The …"). */
const CONNECTIVES = new Set(['der', 'die', 'das', 'des', 'dem', 'den', 'und', 'fur', 'zur', 'zum', 'the', 'of', 'and', 'for', 'et', 'du', 'la', 'le']);

/** Legal forms, once abbreviations lost their dots ("e.V." → "ev", "Co." → "co"). */
const LEGAL_FORMS = new Set([
  'gmbh', 'mbh', 'ag', 'kg', 'kgaa', 'ohg', 'gbr', 'ug', 'co', 'cie', 'ev', 'eg', 'se', 'aktiengesellschaft', 'gesellschaft',
  'ltd', 'limited', 'llc', 'inc', 'corp', 'plc', 'lp', 'llp', 'bv', 'nv', 'sa', 'sarl', 'sas', 'spa', 'srl', 'ab', 'as', 'oy',
]);

/** "Dr. h. c.", "Dr.-Ing. E. h.": honorary degrees, whose letters would otherwise read as initials. */
const HONORARY = /\b(?:h\.\s?c|e\.\s?h)\./g;

export interface NormalisedName {
  /** The identifying words, in their order: "Frau Dr. Irene Nierstenhöfer" → ["irene", "nierstenhofer"]. */
  tokens: string[];
  /** The legal forms it named ("ag", "gmbh"…), for telling "Allianz SE" from "Allianz Deutschland AG". */
  legalForms: string[];
}

const transliterate = (text: string) => fold(text.replace(/[ßæœøđðþłı]/giu, (c) => LETTERS[c.toLowerCase()] ?? c));

export function normaliseName(name: string): NormalisedName {
  const plain = transliterate(name)
    .replace(HONORARY, ' ')
    .replace(/(?<=\b\p{L})\.\s?(?=\p{L}\b)/gu, '') // "e.V.", "e. V." → "eV", "B.A.B." → "BAB": an abbreviation is one word
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  const words = plain.split(' ').filter(Boolean);
  const tokens = words.filter((w) => !HONORIFICS.has(w) && !LEGAL_FORMS.has(w) && !CONNECTIVES.has(w));
  // A name made only of such words ("AG") keeps them, so it still has something to compare.
  return { tokens: tokens.length ? tokens : words, legalForms: words.filter((w) => LEGAL_FORMS.has(w)) };
}

/** The name as the scorer reads it: identifying words joined by spaces. */
export const comparableName = (name: string) => normaliseName(name).tokens.join(' ');
