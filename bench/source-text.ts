/** Generated article texts for the synthetic Source nodes, and quotes cut from them at word boundaries. */
import { mulberry32, pick, intBetween, type Random } from './prng.js';
import { ATTRIBUTIONS, EVENT_WORDS, FIRST_NAMES, LAST_NAMES, MONTHS, ORG_NOUNS, PLACES } from './vocabulary.js';

const VERBS = [
  'met secretly with', 'was charged alongside', 'paid', 'reached out to', 'negotiated with', 'was seen with',
  'denied knowing', 'testified against', 'protected', 'worked for', 'threatened to expose', 'was deported with',
];

function sentence(random: Random): string {
  const person = () => `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
  const other = random() < 0.5 ? person() : `the ${pick(random, PLACES)} ${pick(random, ORG_NOUNS)}`;
  const when = `${pick(random, MONTHS)} ${intBetween(random, 1, 28)}`;
  const forms = [
    () => `${person()} ${pick(random, VERBS)} ${other} in ${pick(random, PLACES)} on ${when}, ${pick(random, ATTRIBUTIONS)} said.`,
    () => `According to ${pick(random, ATTRIBUTIONS)}, ${person()} ${pick(random, VERBS)} ${other} after the ${pick(random, EVENT_WORDS)}.`,
    () => `On ${when}, the ${pick(random, EVENT_WORDS)} in ${pick(random, PLACES)} involved ${person()} and ${other}.`,
  ];
  return pick(random, forms)();
}

export interface SourceText {
  text: string;
  /** Offsets (UTF-16 code units) where each word starts, plus the text's length at the end. */
  wordStarts: Int32Array;
}

/** About `sentences` sentences of deterministic prose. */
export function sourceText(seed: number, sentences: number): SourceText {
  const random = mulberry32(seed);
  const text = Array.from({ length: sentences }, () => sentence(random)).join(' ');
  const starts: number[] = [0];
  for (let i = 1; i < text.length; i++) if (text[i - 1] === ' ' && text[i] !== ' ') starts.push(i);
  starts.push(text.length + 1);
  return { text, wordStarts: Int32Array.from(starts) };
}

/** A quote of `words` whole words starting at word `first`: its offsets, such that text.slice(start, end) is the quote. */
export function quoteAt(source: SourceText, first: number, words: number): { start: number; end: number; quote: string } {
  const last = Math.min(first + words, source.wordStarts.length - 1);
  const start = source.wordStarts[first]!;
  const end = source.wordStarts[last]! - 1;
  return { start, end, quote: source.text.slice(start, end) };
}
