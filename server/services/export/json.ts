/** Threadline's own export format, version 1 (docs/export-format.md), written one row at a time. */
import type { ExportData } from './collect-subgraph.js';

export const THREADLINE_FORMAT = 'threadline-graph';
export const THREADLINE_VERSION = 1;

export async function* writeJson(data: ExportData): AsyncGenerator<string> {
  const head = {
    format: THREADLINE_FORMAT,
    version: THREADLINE_VERSION,
    title: data.title,
    exportedAt: data.exportedAt,
    selection: data.selection,
    counts: { nodes: data.nodes.length, edges: data.edges.length, evidence: data.evidence.length, sources: data.sources.length },
  };
  yield JSON.stringify(head, null, 2).slice(0, -2);
  for (const key of ['nodes', 'edges', 'evidence', 'sources'] as const) {
    yield `,\n  "${key}": [`;
    let first = true;
    for (const row of data[key]) {
      yield `${first ? '' : ','}\n    ${JSON.stringify(row)}`;
      first = false;
    }
    yield first ? ']' : '\n  ]';
  }
  yield '\n}\n';
}
