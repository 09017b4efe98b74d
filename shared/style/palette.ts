import { kindOf } from '../model/graph-model.js';

/** Colour and shape per node kind: one table, used by the canvas stylesheet and the legend. */
export interface KindStyle {
  color: string;
  shape: 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'triangle' | 'star' | 'barrel' | 'tag' | 'round-tag' | 'rhomboid';
}

export const KIND_STYLES: Record<string, KindStyle> = {
  Person: { color: '#2563eb', shape: 'ellipse' },
  Organization: { color: '#7c3aed', shape: 'round-rectangle' },
  Group: { color: '#0891b2', shape: 'hexagon' },
  Place: { color: '#16a34a', shape: 'triangle' },
  Facility: { color: '#65a30d', shape: 'barrel' },
  Law: { color: '#b45309', shape: 'tag' },
  Deal: { color: '#dc2626', shape: 'diamond' },
  Event: { color: '#db2777', shape: 'round-tag' },
  Statement: { color: '#475569', shape: 'rhomboid' },
  Source: { color: '#0f766e', shape: 'star' },
};

/** How an edge's line reads its confidence: the canvas stylesheet and the print legend both take it from here. */
export type LineStyle = 'solid' | 'dashed' | 'dotted';
export const CONFIDENCE_LINES: Record<string, LineStyle> = { alleged: 'dashed', denied: 'dashed', 'anonymous-source': 'dotted' };
export const lineStyleOf = (confidence: string | undefined): LineStyle => (confidence && CONFIDENCE_LINES[confidence]) || 'solid';

/** The highlight of a path or a story step: the canvas and the print legend draw it alike. */
export const HIGHLIGHT_COLOR = '#f59e0b';

export const FALLBACK_STYLE: KindStyle = { color: '#64748b', shape: 'ellipse' };


export function styleOf(labels: readonly string[]): KindStyle {
  return KIND_STYLES[kindOf(labels)] ?? FALLBACK_STYLE;
}
