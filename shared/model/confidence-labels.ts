import type { Confidence } from './graph-model.js';

/** How sure a quote is, in a reader's words: what a footnote or a legend prints next to it. */
export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  fact: 'Stated as fact',
  'named-source': 'Named source',
  'anonymous-source': 'Anonymous source',
  alleged: 'Alleged',
  denied: 'Denied',
};

export const confidenceLabel = (value: string): string => CONFIDENCE_LABELS[value as Confidence] ?? value;
