import { CONFIDENCE, type Confidence } from '../../shared/model/graph-model';

const WORDS: Record<Confidence, { label: string; hint: string }> = {
  fact: { label: 'Stated as fact', hint: 'the source says it in its own voice' },
  'named-source': { label: 'Named source', hint: 'someone named says it' },
  'anonymous-source': { label: 'Unnamed source', hint: 'officials or people familiar say it' },
  alleged: { label: 'Alleged', hint: 'claimed, not established' },
  denied: { label: 'Denied', hint: 'reported, and denied by those concerned' },
};

/** The five levels in a journalist's words: a short name and when to choose it. */
export const CONFIDENCE_CHOICES = CONFIDENCE.map((value) => ({ value, ...WORDS[value] }));

export function confidenceLabel(value: string): string {
  return WORDS[value as Confidence]?.label ?? value;
}
