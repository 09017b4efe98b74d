/** The spreadsheet import's requests and replies (server/routes/sheets.ts): the file is the body, the rest the query. */
import { z } from 'zod';
import { importEventSchema, ImportSummarySchema } from './export.js';
import { WireEdgeSchema, WireNodeSchema } from './graph.js';
import { SheetMappingSchema } from './sheet-mapping.js';

export const SHEET_PREVIEW_ROWS = 20;
/** The preview reads this many rows at most (their samples, problems and first rows as they land), whatever the file's size. */
export const SHEET_PREVIEW_READ = 1000;
/** The app sends a bigger file's first bytes only for a preview: enough for SHEET_PREVIEW_READ rows of most sheets. */
export const SHEET_PREVIEW_BYTES = 2 ** 20;

const flag = (description: string) =>
  z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe(description);

/** The mapping travels as JSON in the query, next to the file in the body (as POST /api/import takes its file). */
const MappingParam = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not JSON' });
      return z.NEVER;
    }
  })
  .pipe(SheetMappingSchema)
  .describe('The mapping (JSON, see SheetMapping)');

const SheetFileQuery = z.object({
  sheet: z.string().min(1).max(200).optional().describe('XLSX: the sheet to read (the first when absent)'),
  filename: z.string().trim().min(1).max(300).optional().describe("The file's name, kept on each record"),
  dataset: z.string().trim().min(1).max(200).optional().describe("The dataset's name, kept on each record (the file's name when absent)"),
});

export const SheetPreviewQuerySchema = SheetFileQuery.extend({
  mapping: MappingParam.optional().describe('Without it, the reply only describes the sheet (columns and sample values)'),
  limit: z.coerce.number().int().min(1).max(200).default(SHEET_PREVIEW_ROWS).describe('How many rows to show as they will land'),
  cut: flag("true: the body is the file's first bytes only (CSV): the row cut at their end is left out"),
});

export const SheetImportQuerySchema = SheetFileQuery.extend({
  mapping: MappingParam,
  skipBadRows: flag('true: import the rows that check out and list the others; otherwise any bad row stops the import'),
});

/** What is wrong with a row: its number as the spreadsheet shows it, the column when one is to blame, and why. */
export const RowProblemSchema = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });
export type RowProblem = z.infer<typeof RowProblemSchema>;

export const SheetTableSchema = z.object({
  /** XLSX: every sheet of the workbook, and the one read. */
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  /** CSV: the separator found (`,`, `;` or a tab). */
  delimiter: z.string().nullable(),
  columns: z.array(z.object({ name: z.string(), samples: z.array(z.string()) })),
  /** The rows the preview read: all of a small sheet, the first SHEET_PREVIEW_READ of a big one. */
  rowCount: z.number().int(),
  /** More rows follow those read: the import reads and checks them all. */
  more: z.boolean(),
});
export type SheetTable = z.infer<typeof SheetTableSchema>;

export const SheetPreviewSchema = z.object({
  table: SheetTableSchema,
  /** The first rows as they will land (empty without a mapping). */
  rows: z.array(z.object({ row: z.number().int(), nodes: z.array(WireNodeSchema), edges: z.array(WireEdgeSchema) })),
  /** The problems of the rows read, up to 1,000; `badRows` counts the rows read with any. */
  problems: z.array(RowProblemSchema),
  badRows: z.number().int(),
});
export type SheetPreview = z.infer<typeof SheetPreviewSchema>;

export const SheetImportSummarySchema = z.object({
  written: z.boolean(),
  rows: z.number().int(),
  /** The rows left out with skipBadRows, each with its problems. */
  skipped: z.array(RowProblemSchema),
  changes: ImportSummarySchema.shape.changes,
  change: ImportSummarySchema.shape.change,
  possibleDuplicates: ImportSummarySchema.shape.possibleDuplicates,
  ms: z.number(),
});
export type SheetImportSummary = z.infer<typeof SheetImportSummarySchema>;

/** `POST /api/import/sheet` with `Accept: application/x-ndjson`: progress lines, then the summary or the error. */
export const SheetImportEventSchema = importEventSchema(SheetImportSummarySchema);
export type SheetImportEvent = z.infer<typeof SheetImportEventSchema>;
