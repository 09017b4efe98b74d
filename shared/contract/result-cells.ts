/**
 * Cells of a query result (nodes, relationships, paths, scalars) and how they read as text: the app's table and
 * files, and the command line's output, read them alike. Pure: the browser bundle takes it as it is.
 */
import type { WireEdge, WireNode } from './graph.js';

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isNode = (v: unknown): v is WireNode => isObject(v) && typeof v.id === 'string' && Array.isArray(v.labels) && isObject(v.properties);
export const isEdge = (v: unknown): v is WireEdge =>
  isObject(v) && typeof v.id === 'string' && typeof v.type === 'string' && typeof v.source === 'string' && typeof v.target === 'string';
export const isPath = (v: unknown): v is { nodes: WireNode[]; edges: WireEdge[] } =>
  isObject(v) && Array.isArray(v.nodes) && Array.isArray(v.edges) && Object.keys(v).length === 2;

export const nodeName = (node: WireNode) => (typeof node.properties.name === 'string' && node.properties.name) || node.id;

/**
 * A cell as text. `names` reads as a table shows it (nodes by name, relationships by type, lists joined);
 * `ids` is for files (nodes and relationships by id, lists and maps as JSON).
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
