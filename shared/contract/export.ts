/**
 * Export and import: POST /api/export turns a selection (node ids, or a saved query's result) into a file;
 * POST /api/import reads Threadline JSON, GraphML or the CSV zip back, and FollowTheMoney entity files (JSON lines) in.
 * See docs/export-format.md.
 */
import { z } from 'zod';
import { ApiErrorSchema } from './errors.js';
import { StableId } from './explore.js';

export const EXPORT_FORMATS = ['json', 'graphml', 'gexf', 'csv', 'cypher', 'html', 'ftm'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const IMPORT_FORMATS = ['json', 'graphml', 'csv', 'ftm'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** More nodes than this in one export are refused with 413: narrow the selection. */
export const EXPORT_NODE_CAP = 50_000;

const Position = z.object({ x: z.number().finite(), y: z.number().finite() });

export const ExportOptionsSchema = z.strictObject({
  /** Shown in the HTML page, used in the file name and kept in the file's metadata. */
  title: z.string().trim().max(200).optional(),
  /** Canvas positions by node id: written to GraphML (x, y), GEXF (viz:position) and HTML (as laid out). */
  positions: z.record(z.string(), Position).optional(),
});
export type ExportOptions = z.infer<typeof ExportOptionsSchema>;

export const ExportRequestSchema = z
  .strictObject({
    format: z.enum(EXPORT_FORMATS),
    /** Node ids: those nodes, and the relationships among them (or only `edgeIds`, when given). */
    ids: z.array(StableId).min(1, 'must name at least one node').max(EXPORT_NODE_CAP).optional(),
    /** Restricts the relationships among `ids` to these (what a canvas shows); all of them when absent. */
    edgeIds: z.array(StableId).max(EXPORT_NODE_CAP * 4).optional(),
    /** A saved query whose result (its graph) is exported; with `params` for it. */
    queryId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'is not a query id').optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    options: ExportOptionsSchema.default({}),
  })
  .superRefine((value, ctx) => {
    if ((value.ids === undefined) === (value.queryId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'give either ids or queryId (with params), not both' });
    }
    if (value.edgeIds && !value.ids) ctx.addIssue({ code: 'custom', path: ['edgeIds'], message: 'only goes with ids' });
    if (value.params && !value.queryId) ctx.addIssue({ code: 'custom', path: ['params'], message: 'only goes with queryId' });
  });
export type ExportRequest = z.input<typeof ExportRequestSchema>;

export const ImportQuerySchema = z.object({
  preview: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: validate and say what would be created or merged, writing nothing'),
  format: z.enum(IMPORT_FORMATS).optional().describe('The file format; found from the content when absent'),
  dataset: z.string().trim().min(1).max(200).optional().describe('FollowTheMoney: the dataset\'s name, kept on each record (the file name, or "dataset", when absent)'),
  filename: z.string().trim().min(1).max(300).optional().describe('FollowTheMoney: the name of the file sent, kept on each record'),
  skipBadRows: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('FollowTheMoney, streamed: import the good lines of a file with bad ones, listing the bad ones in `skipped` (else nothing is written)'),
});

const Tally = z.object({ create: z.number().int(), merge: z.number().int() });
/** What the import does to each element: adds it, changes it (something new), or finds it as it is. */
const Changes = z.object({ added: z.number().int(), changed: z.number().int(), unchanged: z.number().int() });

export const ImportSummarySchema = z.object({
  format: z.enum(IMPORT_FORMATS),
  /** false for a preview: nothing was written. */
  written: z.boolean(),
  nodes: Tally,
  edges: Tally,
  evidence: Tally,
  /** The same counts split three ways; `evidence` counts quotes and dataset records. */
  changes: z.object({ nodes: Changes, edges: Changes, evidence: Changes }),
  /** Up to 20 ids of existing nodes and relationships the file merges into. */
  mergeIds: z.array(z.string()),
  ms: z.number(),
  /** The changeset that recorded a written import (revert it to undo the import). */
  change: z.string().optional(),
  /** Dedup candidate pairs involving the imported entities that nobody has judged yet (written imports). */
  possibleDuplicates: z.number().int().optional(),
  /** Streamed imports with skipBadRows: every line left out, with why. */
  skipped: z.array(z.object({ line: z.number().int(), reason: z.string() })).optional(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

/**
 * The phases of a streamed import: a FollowTheMoney file is read three times (docs/export-format.md "Large files"),
 * a spreadsheet once for its rows, after a scan when relationship types come from a column (docs/spreadsheets.md).
 */
export const IMPORT_PHASES = ['scan', 'nodes', 'relationships', 'rows'] as const;

/** How far a streamed import is: one line of `application/x-ndjson` while it runs. */
export const ImportProgressSchema = z.object({
  type: z.literal('progress'),
  phase: z.enum(IMPORT_PHASES),
  /** Lines read in this phase. */
  read: z.number().int(),
  /** Nodes, relationships and records written so far (in the import's transaction: kept only if it commits). */
  written: z.number().int(),
  /** Bad lines found so far. */
  errors: z.number().int(),
  /** Lines read per second in this phase. */
  rate: z.number(),
  /** How much of the whole import is done, 0 to 1, and the seconds it should still take (null before an estimate). */
  done: z.number(),
  secondsLeft: z.number().nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

/** Every line of a streamed import's reply: progress, then either the import's summary or the error (as an error reply's body). */
export const importEventSchema = <Summary extends z.ZodType>(summary: Summary) =>
  z.discriminatedUnion('type', [
    ImportProgressSchema,
    z.object({ type: z.literal('summary'), summary }),
    ApiErrorSchema.extend({ type: z.literal('error'), status: z.number().int() }),
  ]);
export const ImportEventSchema = importEventSchema(ImportSummarySchema);
export type ImportEvent = z.infer<typeof ImportEventSchema>;
