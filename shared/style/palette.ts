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

export const FALLBACK_STYLE: KindStyle = { color: '#64748b', shape: 'ellipse' };


export function styleOf(labels: readonly string[]): KindStyle {
  return KIND_STYLES[kindOf(labels)] ?? FALLBACK_STYLE;
}
