/** Cells of a run result: what they hold (nodes, relationships, paths, scalars), how they read, how they sort. */
import type { WireEdge, WireNode } from '../../server/contract';

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isNode = (v: unknown): v is WireNode => isObject(v) && typeof v.id === 'string' && Array.isArray(v.labels) && isObject(v.properties);
export const isEdge = (v: unknown): v is WireEdge =>
  isObject(v) && typeof v.id === 'string' && typeof v.type === 'string' && typeof v.source === 'string' && typeof v.target === 'string';
export const isPath = (v: unknown): v is { nodes: WireNode[]; edges: WireEdge[] } =>
  isObject(v) && Array.isArray(v.nodes) && Array.isArray(v.edges) && Object.keys(v).length === 2;

export const nodeName = (node: WireNode) => (typeof node.properties.name === 'string' && node.properties.name) || node.id;

/**
 * A cell as text. `names` reads as the table shows it (nodes by name, relationships by type, lists joined);
 * `ids` is for files (nodes and relationships by id, lists and maps as JSON), as the command line writes CSV.
 */
export function cellText(value: unknown, style: 'names' | 'ids'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) {
    if (style === 'names') return value.map((v) => cellText(v, style)).join(', ');
    return JSON.stringify(value.map((v) => (v && typeof v === 'object' ? cellText(v, style) : v)));
  }
  if (isNode(value)) return style === 'names' ? nodeName(value) : value.id;
  if (isEdge(value)) return style === 'names' ? value.type : value.id;
  if (isPath(value)) return value.nodes.map((n) => cellText(n, style)).join(style === 'names' ? ' — ' : ' > ');
  return JSON.stringify(value);
}

/** Numbers by value, everything else by its text as read in the table (numbers inside it too). */
function compareCells(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return cellText(a, 'names').localeCompare(cellText(b, 'names'), undefined, { numeric: true, sensitivity: 'base' });
}

const isEmpty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

export type SortOrder = { column: string; direction: 'asc' | 'desc' } | null;

/** The rows in this order (a copy; empty cells stay last in both directions); the server's order when null. */
export function sortRows<R extends Record<string, unknown>>(rows: R[], order: SortOrder): R[] {
  if (!order) return rows;
  const sign = order.direction === 'asc' ? 1 : -1;
  return [...rows].sort((x, y) => {
    const a = x[order.column];
    const b = y[order.column];
    const empty = Number(isEmpty(a)) - Number(isEmpty(b));
    return empty || (isEmpty(a) ? 0 : sign * compareCells(a, b));
  });
}
