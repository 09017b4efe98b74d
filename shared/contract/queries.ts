/**
 * Saved Cypher queries and query runs: the shapes of /api/queries and /api/cypher.
 * Parameters are declared with a type; values arrive as JSON (or strings, from forms and the command line)
 * and are checked against the declaration before Neo4j sees them.
 */
import { z } from 'zod';
import { GraphSchema } from './graph.js';

export const PARAM_TYPES = ['string', 'integer', 'float', 'boolean', 'date', 'nodeId', 'stringList'] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

export const ParamName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'must be an identifier such as sourceId');

export const QueryParameterSchema = z.strictObject({
  name: ParamName,
  type: z.enum(PARAM_TYPES),
  /** A required parameter has no default; an optional one without a default is passed as null. */
  required: z.boolean().default(false),
  default: z.unknown().optional(),
  help: z.string().max(500).default(''),
});
export type QueryParameter = z.output<typeof QueryParameterSchema>;

const Tag = z.string().trim().min(1).max(40);

export const SavedQueryInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(120),
  description: z.string().max(4000).default(''),
  cypher: z.string().min(1, 'must not be empty').max(20_000),
  parameters: z.array(QueryParameterSchema).max(30).default([]),
  tags: z.array(Tag).max(20).default([]),
});
export type SavedQueryInput = z.input<typeof SavedQueryInputSchema>;

/**
 * The same fields as a create. The object a GET returned may be sent back edited: `id`, `author`, `createdAt` and
 * `updatedAt` are ignored (the author is whoever is logged in), and its `version` counts as `baseVersion`.
 */
export const SavedQueryUpdateSchema = SavedQueryInputSchema.extend({
  /** The version the edit started from: when another edit landed since, the update is refused. */
  baseVersion: z.number().int().min(1).optional(),
  version: z.number().int().min(1).optional(),
  id: z.string().optional(),
  author: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
}).transform(({ version, id: _id, author: _a, createdAt: _c, updatedAt: _u, ...rest }) => ({ ...rest, baseVersion: rest.baseVersion ?? version }));
export type SavedQueryUpdate = z.input<typeof SavedQueryUpdateSchema>;

export const SavedQuerySchema = z.object({
  /** A slug of the name at creation; stays when the query is renamed. */
  id: z.string(),
  name: z.string(),
  description: z.string(),
  cypher: z.string(),
  parameters: z.array(QueryParameterSchema),
  tags: z.array(z.string()),
  /** Who saved it: the logged-in user, `local` without logins. */
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** 1 at creation, +1 for every saved change or restore. */
  version: z.number().int(),
});
export type SavedQuery = z.infer<typeof SavedQuerySchema>;

export const SavedQueryListSchema = z.object({ queries: z.array(SavedQuerySchema) });
export type SavedQueryList = z.infer<typeof SavedQueryListSchema>;

export const SavedQueryListQuerySchema = z.object({
  /** Case-insensitive substring of the name, the description or a tag. */
  q: z.string().trim().max(200).optional(),
  /** Exact tag (case-insensitive). */
  tag: z.string().trim().max(40).optional(),
});

export const SavedQueryVersionSchema = SavedQuerySchema.pick({
  name: true,
  description: true,
  cypher: true,
  parameters: true,
  tags: true,
  author: true,
  version: true,
}).extend({ savedAt: z.string() });
export type SavedQueryVersion = z.infer<typeof SavedQueryVersionSchema>;

/** Every version, the current one included, newest first. */
export const SavedQueryHistorySchema = z.object({ id: z.string(), versions: z.array(SavedQueryVersionSchema) });
export type SavedQueryHistory = z.infer<typeof SavedQueryHistorySchema>;

export const RestoreInputSchema = z.strictObject({ version: z.number().int().min(1) });

export const QueryIdParamsSchema = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'is not a query id') });

/** Deeper lists and maps than any query needs; Neo4j drops the connection on very deep ones (fuzzing found 1,500). */
export const MAX_PARAM_DEPTH = 32;

/** Stops descending past `limit`, so a hostile value cannot exhaust the stack here either. */
function nestsDeeper(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  return Object.values(value).some((inner) => nestsDeeper(inner, limit - 1));
}

const ParamValues = z
  .record(z.string(), z.unknown())
  .superRefine((params, ctx) => {
    for (const [name, value] of Object.entries(params)) {
      if (nestsDeeper(value, MAX_PARAM_DEPTH)) ctx.addIssue({ code: 'custom', path: [name], message: `nests lists or maps more than ${MAX_PARAM_DEPTH} deep` });
    }
  })
  .default({});

/** Values by parameter name: JSON values, or strings that parse as the declared type. */
export const RunInputSchema = z.strictObject({ params: ParamValues });

/** Ad-hoc Cypher. Whole JSON numbers are passed as Cypher INTEGER, other numbers as FLOAT. */
export const CypherInputSchema = z.strictObject({
  query: z.string().min(1, 'must not be empty').max(20_000),
  params: ParamValues,
});

export const CypherCheckInputSchema = z.strictObject({ query: z.string().min(1, 'must not be empty').max(20_000) });
/** A query that passed the read-only checks, and the `$parameters` it uses (for declaring them). */
export const CypherCheckSchema = z.object({ parameters: z.array(z.string()) });
export type CypherCheck = z.infer<typeof CypherCheckSchema>;

export const RunSummarySchema = z.object({
  ms: z.number(),
  rowCount: z.number().int(),
  /** The result was cut: more rows than `rowCap`, or more than `byteCap` bytes of row JSON, existed. */
  truncated: z.boolean(),
  /** Which cap cut it, or null when complete. */
  truncatedBy: z.enum(['rows', 'bytes']).nullable(),
  rowCap: z.number().int(),
  byteCap: z.number().int(),
  timeoutMs: z.number().int(),
});

export type RunSummary = z.infer<typeof RunSummarySchema>;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/** Why a result was cut and what to do, or null when it is complete: one wording for the app and the command line. */
export function truncationNote(summary: RunSummary): string | null {
  if (summary.truncatedBy === 'bytes') {
    return `Truncated at ${mb(summary.byteCap)}: only the first ${summary.rowCount.toLocaleString('en')} rows fit. Return fewer or smaller values (or raise QUERY_BYTE_CAP) to see the rest.`;
  }
  if (summary.truncated) {
    return `Truncated: only the first ${summary.rowCap.toLocaleString('en')} rows are shown. Narrow the query (or add a LIMIT), or raise QUERY_ROW_CAP, to see the rest.`;
  }
  return null;
}

/**
 * `rows` are keyed by column. Cells are plain JSON: nodes as `{id, labels, properties}`, relationships as
 * `{id, type, source, target, properties}`, paths as `{nodes, edges}`. Every node, relationship and path found
 * anywhere in the result is also in `graph`, with the end nodes of every relationship.
 */
export const RunResultSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.unknown())),
  graph: GraphSchema,
  summary: RunSummarySchema,
  /** `{old: new}` when a `nodeId` parameter named an entity merged into another: the query ran with the new id. */
  redirects: z.record(z.string(), z.string()).optional(),
});
export type RunResult = z.infer<typeof RunResultSchema>;
