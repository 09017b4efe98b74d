/** The export and import routes (server/routes/export.ts). */
import { ExportRequestSchema, ImportQuerySchema, ImportSummarySchema } from './export.js';
import { defineOperations } from './operation.js';

export const exportOperations = defineOperations({
  exportGraph: {
    method: 'post',
    path: '/export',
    // Exporting a saved query's result also needs the analyst role: the route checks that itself.
    role: 'viewer',
    tag: 'export',
    body: ExportRequestSchema,
    errors: [400, 404, 408, 413],
    summary: 'Download nodes (or a saved query result) with their evidence and sources as json, graphml, gexf, csv (zip), cypher or html',
    description: 'The reply is the file, streamed, with Content-Disposition: attachment. Formats are described in docs/export-format.md.',
    reply: { status: 200, description: 'The file' },
  },
  importGraph: {
    method: 'post',
    path: '/import',
    role: 'editor',
    tag: 'export',
    query: ImportQuerySchema,
    errors: [400, 409, 413],
    summary: 'Check a Threadline JSON, GraphML or CSV zip file, then preview it or write it in one transaction',
    description: 'The request body is the file itself (any content type, up to 25 MB). With preview=true nothing is written.',
    reply: { name: 'ImportSummary', schema: ImportSummarySchema },
  },
});
