/** A query result as text: an aligned table for people, CSV for spreadsheets, JSON for scripts. */
import { resultTableCsv } from '../contract/csv.js';
import type { RunResult } from '../contract/index.js';

export const FORMATS = ['table', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

interface WireLike {
  id?: unknown;
  labels?: unknown;
  type?: unknown;
  source?: unknown;
  target?: unknown;
  nodes?: unknown;
  edges?: unknown;
  properties?: Record<string, unknown>;
}

const isNode = (v: WireLike) => typeof v.id === 'string' && Array.isArray(v.labels) && typeof v.properties === 'object';
const isEdge = (v: WireLike) => typeof v.id === 'string' && typeof v.type === 'string' && typeof v.source === 'string' && typeof v.target === 'string';
const isPath = (v: WireLike) => Array.isArray(v.nodes) && Array.isArray(v.edges) && Object.keys(v).length === 2;

/** One cell as text. `people`: nodes by name, relationships by type, lists joined; `ids`: by id, lists as JSON. */
export function cellText(value: unknown, style: 'people' | 'ids'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) {
    if (style === 'people') return value.map((v) => cellText(v, style)).join(', ');
    return JSON.stringify(value.map((v) => (v && typeof v === 'object' ? cellText(v, style) : v)));
  }
  const v = value as WireLike;
  if (isNode(v)) return style === 'people' ? String(v.properties?.name ?? v.id) : String(v.id);
  if (isEdge(v)) return style === 'people' ? String(v.type) : String(v.id);
  if (isPath(v)) return (v.nodes as unknown[]).map((n) => cellText(n, style)).join(style === 'people' ? ' — ' : ' > ');
  return JSON.stringify(value);
}

/** CSV with CRLF lines and no byte-order mark (it goes to pipes and scripts), formula-safe; nodes by id, lists as JSON. */
export function toCsv(result: RunResult): string {
  return resultTableCsv(result.columns, result.rows, (value) => cellText(value, 'ids'));
}

export function toTable(result: RunResult, maxWidth = 60): string {
  const clip = (s: string) => {
    const flat = s.replace(/\s+/g, ' ');
    return flat.length > maxWidth ? `${flat.slice(0, maxWidth - 1)}…` : flat;
  };
  const cells = result.rows.map((row) => result.columns.map((c) => clip(cellText(row[c], 'people'))));
  const widths = result.columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(result.columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

export function formatResult(result: RunResult, format: Format): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (format === 'csv') return toCsv(result);
  return toTable(result);
}
