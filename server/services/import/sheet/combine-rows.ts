/**
 * The rows of a sheet as one import document: a node named by several rows (a donor who gave twice) is one node
 * citing each row's record, its values those of the last row; one relationship made by two rows is a problem of
 * the later row, since its key columns do not tell them apart.
 */
import type { EdgeRow, NodeRow } from '../../../db/graph-writer.js';
import type { ImportDocument, Located } from '../import-document.js';
import type { MappedRow } from './map-rows.js';

const union = (a: unknown, b: unknown) => [...new Set([...(a as string[]), ...(b as string[])])];

function mergeNode(into: NodeRow, row: NodeRow): NodeRow {
  const properties = { ...into.properties, ...row.properties, evidence: union(into.properties.evidence, row.properties.evidence) };
  return { ...into, labels: union(into.labels, row.labels), properties, replace: union(into.replace ?? [], row.replace ?? []) };
}

/**
 * More problems: the rows that repeat a relationship of an earlier row. `first` holds each relationship's first
 * row, kept from one chunk of a sheet to the next.
 */
export function markRepeatedEdges(rows: MappedRow[], first: Map<string, number>): void {
  for (const { row, edges, problems } of rows) {
    for (const edge of edges) {
      const earlier = first.get(edge.id);
      if (earlier === undefined) first.set(edge.id, row);
      else if (earlier !== row) problems.push({ row, column: null, message: `makes the same ${edge.type} relationship as row ${earlier}; give the relationship mapping key columns that tell them apart (a date, an amount)` });
    }
  }
}

export function toDocument(rows: MappedRow[]): ImportDocument {
  const nodes = new Map<string, Located<NodeRow>>();
  for (const { row, nodes: made } of rows) {
    for (const node of made) {
      const seen = nodes.get(node.id);
      nodes.set(node.id, seen ? { where: seen.where, row: mergeNode(seen.row, node) } : { where: `row ${row} (${node.id})`, row: node });
    }
  }
  const edges: Located<EdgeRow>[] = rows.flatMap(({ row, edges }) => edges.map((edge) => ({ where: `row ${row} (${edge.id})`, row: edge })));
  const records = rows.map(({ row, record }) => ({ where: `row ${row}`, row: record }));
  return { format: 'sheet', nodes: [...nodes.values()], sources: [], edges, evidence: [], records };
}
