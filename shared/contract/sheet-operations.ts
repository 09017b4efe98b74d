/** The spreadsheet import and its saved mappings (server/routes/sheets.ts): editors import and save, everyone reads mappings. */
import { defineOperations } from './operation.js';
import { SheetImportQuerySchema, SheetImportSummarySchema, SheetPreviewQuerySchema, SheetPreviewSchema } from './sheet-import.js';
import { MappingIdParamsSchema, SavedMappingInputSchema, SavedMappingListSchema, SavedMappingSchema } from './sheet-mapping.js';

const savedMapping = { name: 'SavedMapping', schema: SavedMappingSchema };
const fileBody = 'The request body is the CSV (UTF-8; comma, semicolon or tab) or XLSX file itself, up to 25 MB (an XLSX workbook up to 10 MB: it is read whole; 413 past it).';

export const sheetOperations = defineOperations({
  previewSheet: {
    method: 'post',
    path: '/import/sheet/preview',
    role: 'editor',
    tag: 'import',
    query: SheetPreviewQuerySchema,
    errors: [400, 413],
    summary: "A spreadsheet's columns with sample values and, with a mapping, its first rows as nodes and relationships and every row's problems",
    description: `${fileBody} Nothing is written. Only the first 1,000 rows are read; with cut=true the body may be the first bytes of a bigger CSV.`,
    reply: { name: 'SheetPreview', schema: SheetPreviewSchema },
  },
  importSheet: {
    method: 'post',
    path: '/import/sheet',
    role: 'editor',
    tag: 'import',
    query: SheetImportQuerySchema,
    errors: [400, 409, 413],
    summary: 'Import a spreadsheet through a mapping, in one transaction; any bad row stops it unless skipBadRows=true',
    description: [
      `${fileBody} Every node and relationship cites a dataset record of its row (docs/spreadsheets.md).`,
      '',
      'With `Accept: application/x-ndjson` a CSV may be up to 4 GB and the reply (200) is a stream of JSON lines (SheetImportEvent): progress',
      '(phase "scan" when relationship types come from a column, then "rows") for every 1,000 rows, then `{"type":"summary","summary":SheetImportSummary}`',
      'or `{"type":"error","status":400,"error":{...}}`. Closing the connection cancels the import: its one transaction is rolled back.',
    ].join('\n'),
    reply: { name: 'SheetImportSummary', schema: SheetImportSummarySchema },
  },
  listMappings: { method: 'get', path: '/import/mappings', role: 'viewer', tag: 'import', errors: [], summary: 'The saved spreadsheet mappings, newest first', reply: { name: 'SavedMappingList', schema: SavedMappingListSchema } },
  getMapping: { method: 'get', path: '/import/mappings/:id', role: 'viewer', tag: 'import', params: MappingIdParamsSchema, errors: [400, 404], summary: 'One saved mapping', reply: savedMapping },
  saveMapping: {
    method: 'put',
    path: '/import/mappings/:id',
    role: 'editor',
    tag: 'import',
    params: MappingIdParamsSchema,
    body: SavedMappingInputSchema,
    errors: [400],
    summary: 'Save a mapping under this id (replaces the one saved there)',
    reply: savedMapping,
  },
  deleteMapping: { method: 'delete', path: '/import/mappings/:id', role: 'editor', tag: 'import', params: MappingIdParamsSchema, errors: [400, 404], summary: 'Delete a saved mapping', reply: { status: 204, description: 'Deleted' } },
});
