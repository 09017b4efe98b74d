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
    summary: 'Check a Threadline JSON, GraphML, CSV zip or FollowTheMoney file, then preview it or write it, all or nothing',
    description: [
      'The request body is the file itself (any content type, up to 25 MB). With preview=true nothing is written.',
      '',
      'With `Accept: application/x-ndjson` the body may be up to 4 GB and the reply (200) is a stream of JSON lines (ImportEvent):',
      '`{"type":"progress","phase":"scan"|"nodes"|"relationships","read","written","errors","rate","done","secondsLeft"}` as the',
      'import goes (FollowTheMoney files, read as a stream, once per phase), then one last line: `{"type":"summary","summary":ImportSummary}`',
      'or `{"type":"error","status":400,"error":{...}}` (the status the plain reply would have had). Closing the connection cancels the',
      'import: its one transaction is rolled back and the graph is as it was. A FollowTheMoney file with bad lines fails naming every',
      'one by line number, unless skipBadRows=true: then the other lines are written and the bad ones listed in `skipped`.',
      'Other formats are read whole (up to 25 MB) and answer with the summary line alone. See docs/export-format.md "Large files".',
    ].join('\n'),
    reply: { name: 'ImportSummary', schema: ImportSummarySchema },
  },
});
