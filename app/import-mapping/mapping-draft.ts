/**
 * The mapping being edited, as pure producers `(args) => (mapping) => mapping`: testable without React, and every
 * change keeps it whole (a removed node mapping takes the relationships that used it along).
 */
import type { EdgeMapping, NodeMapping, PropertyColumn, SheetMapping } from '../../shared/contract';
import { slugify } from '../../shared/text/slug';

export const EMPTY_MAPPING: SheetMapping = { nodes: [], edges: [] };
type Producer = (mapping: SheetMapping) => SheetMapping;

/** `Amount (EUR)` → `amountEur`: a column's name as a property name. */
export function propertyName(column: string): string {
  const words = slugify(column, 'value').split('-');
  const name = words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return /^[a-z]/.test(name) ? name : `p${name}`;
}

/** A handle no other node mapping has, from the key column's name: `donor`, `donor-2`. */
function freeHandle(column: string, taken: string[]): string {
  const base = slugify(column, 'node', 30).replace(/^[^a-z]+/, '') || 'node';
  let handle = base;
  for (let n = 2; taken.includes(handle); n++) handle = `${base}-${n}`;
  return handle;
}

export const addNode = (column: string): Producer => (m) => ({
  ...m,
  nodes: [...m.nodes, { handle: freeHandle(column, m.nodes.map((n) => n.handle)), kind: { fixed: 'Person' }, keyColumns: [column], nameColumn: column, properties: [] }],
});

export const setNode = (index: number, node: NodeMapping): Producer => (m) => ({ ...m, nodes: m.nodes.map((n, i) => (i === index ? node : n)) });

export const removeNode = (index: number): Producer => (m) => {
  const handle = m.nodes[index]?.handle;
  const uses = (e: EdgeMapping) => [e.source, e.target].some((end) => 'node' in end && end.node === handle);
  return { nodes: m.nodes.filter((_, i) => i !== index), edges: m.edges.filter((e) => !uses(e)) };
};

/** A relationship from the first node mapping to the second (or to itself when there is one). */
export const addEdge = (): Producer => (m) => {
  const [first, second = first] = m.nodes;
  if (!first) return m;
  return { ...m, edges: [...m.edges, { source: { node: first.handle }, target: { node: second!.handle }, type: { fixed: 'RELATED_TO' }, keyColumns: [], properties: [] }] };
};

export const setEdge = (index: number, edge: EdgeMapping): Producer => (m) => ({ ...m, edges: m.edges.map((e, i) => (i === index ? edge : e)) });
export const removeEdge = (index: number): Producer => (m) => ({ ...m, edges: m.edges.filter((_, i) => i !== index) });

export const newProperty = (column: string): PropertyColumn => ({ column, property: propertyName(column), type: 'text', separator: ';' });

/** The columns a saved mapping names that this sheet lacks: loading it would fail, so say which. */
export function missingColumns(mapping: SheetMapping, columns: string[]): string[] {
  const named = [
    ...mapping.nodes.flatMap((n) => [...('column' in n.kind ? [n.kind.column] : []), ...n.keyColumns, n.nameColumn, ...n.properties.map((p) => p.column)]),
    ...mapping.edges.flatMap((e) => [...('column' in e.type ? [e.type.column] : []), ...e.keyColumns, ...e.properties.map((p) => p.column)]),
  ];
  return [...new Set(named)].filter((c) => !columns.includes(c));
}
