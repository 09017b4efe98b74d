/** POST /api/export: collects the selection, then streams it in the chosen format. */
import type { z } from 'zod';
import type { ExportFormat, ExportRequestSchema } from '../../../shared/contract/export.js';
import type { Database } from '../../db/neo4j.js';
import type { QueryLimits } from '../queries/cypher-runner.js';
import { collectSubgraph, type ExportData, type Selection } from './collect-subgraph.js';
import { writeCsvZip } from './csv.js';
import { writeCypher } from './cypher.js';
import { exportFilename, FILE_TYPES } from '../../../shared/contract/export-filename.js';
import { writeGexf } from './gexf.js';
import { writeGraphml } from './graphml.js';
import { writeHtml } from './html.js';
import { writeJson } from './json.js';
import { writeFtm } from './ftm.js';

const WRITERS: Record<ExportFormat, (data: ExportData) => AsyncIterable<string | Uint8Array>> = {
  json: writeJson,
  graphml: writeGraphml,
  gexf: writeGexf,
  csv: writeCsvZip,
  cypher: writeCypher,
  html: writeHtml,
  ftm: writeFtm,
};

/** The formats whose columns are typed (property-types.ts): only they need each key's kind over the whole graph. */
const TYPED_COLUMNS: ReadonlySet<ExportFormat> = new Set(['graphml', 'gexf', 'csv']);

export interface ExportFile {
  filename: string;
  contentType: string;
  counts: { nodes: number; edges: number; evidence: number; sources: number };
  /** `{old: new}` for selected ids that were merged into others. */
  redirects: Record<string, string>;
  body: AsyncIterable<string | Uint8Array>;
}

export async function exportGraph(
  db: Database,
  request: z.output<typeof ExportRequestSchema>,
  options: { limits: QueryLimits; maxNodes?: number },
): Promise<ExportFile> {
  const selection: Selection = request.ids ? { kind: 'ids', ids: request.ids, edgeIds: request.edgeIds } : { kind: 'query', queryId: request.queryId!, params: request.params ?? {} };
  const data = await collectSubgraph(db, selection, { ...request.options, ...options, propertyKinds: TYPED_COLUMNS.has(request.format) });
  return {
    filename: exportFilename(data.title, request.format, data.exportedAt),
    contentType: FILE_TYPES[request.format].contentType,
    counts: { nodes: data.nodes.length, edges: data.edges.length, evidence: data.evidence.length, sources: data.sources.length },
    redirects: data.redirects,
    body: WRITERS[request.format](data),
  };
}
