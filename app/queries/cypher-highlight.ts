import { HighlightStyle } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

/** Colours for Cypher, in the app's palette: keywords slate-blue, labels and types violet, parameters amber. */
export const cypherHighlight = HighlightStyle.define([
  { tag: t.keyword, color: '#1d4ed8', fontWeight: '600' },
  { tag: t.typeName, color: '#7c3aed' },
  { tag: t.propertyName, color: '#0f766e' },
  { tag: t.special(t.variableName), color: '#b45309', fontWeight: '600' },
  { tag: t.function(t.variableName), color: '#0369a1' },
  { tag: t.string, color: '#b91c1c' },
  { tag: t.number, color: '#15803d' },
  { tag: t.atom, color: '#9333ea' },
  { tag: t.comment, color: '#64748b', fontStyle: 'italic' },
  { tag: t.operator, color: '#475569' },
]);
