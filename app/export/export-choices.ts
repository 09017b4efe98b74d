import type { ExportFormat } from '../../shared/contract';

/** Every format the Export dialog offers, in menu order: images are drawn in the browser, the rest by the server. */
export type ExportChoice =
  | { id: 'png' | 'svg'; label: string; kind: 'image' }
  | { id: ExportFormat; label: string; kind: 'server' };

export const EXPORT_CHOICES: ExportChoice[] = [
  { id: 'png', label: 'PNG image', kind: 'image' },
  { id: 'svg', label: 'SVG image (vector, text as text)', kind: 'image' },
  { id: 'html', label: 'Interactive HTML page (to embed)', kind: 'server' },
  { id: 'json', label: 'Threadline JSON (re-importable)', kind: 'server' },
  { id: 'graphml', label: 'GraphML (Gephi, yEd)', kind: 'server' },
  { id: 'gexf', label: 'GEXF (Gephi)', kind: 'server' },
  { id: 'csv', label: 'CSV tables (zip, opens in Excel)', kind: 'server' },
  { id: 'cypher', label: 'Cypher script (Neo4j)', kind: 'server' },
  { id: 'ftm', label: 'FollowTheMoney entities (JSON lines: Aleph, OpenSanctions)', kind: 'server' },
];
