/** The explorer's API: request schemas (validated by the routes) and the named reply types the client uses. */
import { z } from 'zod';

import { GraphSchema, WireEdgeSchema, WireNodeSchema } from './graph.js';
import { decodeNeighborCursor } from './neighbor-cursor.js';
import { EVIDENCE_LEVELS, ID_RULES } from '../model/graph-model.js';

export * from './neighbor-cursor.js';

const csvList = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []));

export const LabelName = z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a label such as Person');
export const RelationshipTypeName = z.string().regex(ID_RULES.label.pattern, 'must be a relationship type such as MEMBER_OF');
/** A stable id as it appears on the wire (`person:marco-rubio`, `rel:...`, `evidence:...`). */
export const StableId = z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters');
export const IdParamsSchema = z.object({ id: StableId });

// ─── Search and overview ───────────────────────────────────────────────────────
export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  labels: csvList.pipe(z.array(LabelName)).describe('Comma-separated node kinds to keep, e.g. Person,Event (all when absent)'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SearchQuery = Partial<z.output<typeof SearchQuerySchema>>;

export const SearchHitSchema = z.object({ node: WireNodeSchema, score: z.number(), snippet: z.string() });
export type SearchHit = z.infer<typeof SearchHitSchema>;
export const SearchResultSchema = z.object({ hits: z.array(SearchHitSchema) });
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const OverviewQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(2000).default(300),
});
export type OverviewQuery = Partial<z.output<typeof OverviewQuerySchema>>;

// ─── Schema summary ────────────────────────────────────────────────────────────
export const SchemaSummarySchema = z.object({
  labels: z.array(z.object({ label: z.string(), count: z.number().int(), propertyKeys: z.array(z.string()) })),
  relationshipTypes: z.array(z.object({ type: z.string(), count: z.number().int(), propertyKeys: z.array(z.string()) })),
  /** Every property key stored on content nodes and relationships, sorted. */
  propertyKeys: z.array(z.string()),
});
export type SchemaSummary = z.infer<typeof SchemaSummarySchema>;

// ─── Evidence ──────────────────────────────────────────────────────────────────
export const ConfidenceSchema = z.enum(EVIDENCE_LEVELS);
export type Confidence = z.infer<typeof ConfidenceSchema>;

/** Where a dataset record came from (docs/model.md "Records from datasets"); FtM's own provenance lists kept whole. */
export const DatasetRecordSchema = z.object({
  dataset: z.string(),
  file: z.string().nullable(),
  recordId: z.string(),
  schema: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
  sourceUrl: z.array(z.string()),
  publisher: z.array(z.string()),
  proof: z.array(z.string()),
});
export type DatasetRecord = z.infer<typeof DatasetRecordSchema>;

/**
 * A quote from a source, with what it supports (`claims`: edge ids, node ids or `nodeId#property`); or, with
 * `record` and confidence `dataset-record`, a dataset's record (empty quote, attribution = the dataset).
 */
export const EvidenceSchema = z.object({
  id: z.string(),
  quote: z.string(),
  /** UTF-16 offsets of the quote in its source's text (see GET /api/sources/{id}/text). */
  start: z.number().int(),
  end: z.number().int(),
  attribution: z.string(),
  confidence: ConfidenceSchema,
  claims: z.array(z.string()),
  source: z.object({ id: z.string(), name: z.string().nullable(), publisher: z.string().nullable(), hasText: z.boolean() }).nullable(),
  /** The earlier version of the source's text the offsets point into, for a quote a correction left behind; null: the current text. */
  version: z.number().int().nullable(),
  record: DatasetRecordSchema.optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const EvidenceDetailsSchema = z.object({
  evidence: EvidenceSchema,
  /** The nodes and edges the quote supports (with the end nodes of those edges). */
  supports: GraphSchema,
});
export type EvidenceDetails = z.infer<typeof EvidenceDetailsSchema>;

export const SourceTextSchema = z.object({ source: WireNodeSchema, text: z.string(), version: z.number().int() });
/** `?version=n`: an earlier version of a source's text (POST /api/sources/{id}/versions makes them). */
export const SourceVersionQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional().describe('An earlier version of the text (default: the current one)') });
export type SourceText = z.infer<typeof SourceTextSchema>;

// ─── Nodes, edges, neighbours ─────────────────────────────────────────────────
export const DirectionSchema = z.enum(['out', 'in']);
export const DegreeSchema = z.object({ type: z.string(), direction: DirectionSchema, count: z.number().int() });
export type Degree = z.infer<typeof DegreeSchema>;

export const NodeDetailsSchema = z.object({
  node: WireNodeSchema,
  evidence: z.array(EvidenceSchema),
  /** Relationships per type and direction; a self-loop counts once out and once in. */
  degree: z.array(DegreeSchema),
});
export type NodeDetails = z.infer<typeof NodeDetailsSchema>;

export const EdgeDetailsSchema = z.object({
  edge: WireEdgeSchema,
  sourceNode: WireNodeSchema,
  targetNode: WireNodeSchema,
  evidence: z.array(EvidenceSchema),
});
export type EdgeDetails = z.infer<typeof EdgeDetailsSchema>;

export const NeighborQuerySchema = z.object({
  types: csvList.pipe(z.array(RelationshipTypeName)).describe('Comma-separated relationship types, e.g. MEMBER_OF,LEADS (all when absent)'),
  direction: z.enum(['out', 'in', 'both']).default('both').describe('Relationships leaving the node, entering it, or both'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return null;
      const cursor = decodeNeighborCursor(value);
      if (!cursor) ctx.addIssue({ code: 'custom', message: 'is not a cursor returned by this endpoint' });
      return cursor;
    })
    .describe('`nextCursor` from the previous page (absent for the first page)'),
});
export type NeighborQuery = Partial<z.input<typeof NeighborQuerySchema>>;

export const NeighborPageSchema = z.object({
  /** The neighbours on this page (the centre node is not repeated). */
  nodes: z.array(WireNodeSchema),
  /** The relationships connecting the centre to them, in page order (ascending relationship id). */
  edges: z.array(WireEdgeSchema),
  /** How many relationships match `types` and `direction` in all. */
  total: z.number().int(),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type NeighborPage = z.infer<typeof NeighborPageSchema>;

// ─── Paths and subgraphs ──────────────────────────────────────────────────────
export const PathQuerySchema = z.object({
  from: StableId,
  to: StableId,
  maxHops: z.coerce.number().int().min(1).max(8).default(6).describe('Longest path considered, in relationships'),
  mode: z.enum(['shortest', 'all-shortest']).default('shortest'),
  limit: z.coerce.number().int().min(1).max(100).default(25).describe('How many paths `all-shortest` returns at most'),
});
export type PathQuery = Partial<z.input<typeof PathQuerySchema>>;

export const PathSchema = z.object({
  /** From `from` to `to`, in order. */
  nodes: z.array(WireNodeSchema),
  /** edges[i] joins nodes[i] and nodes[i + 1]; its own source/target keep the stored direction. */
  edges: z.array(WireEdgeSchema),
});
export type Path = z.infer<typeof PathSchema>;

export const PathResultSchema = z.object({
  paths: z.array(PathSchema),
  /** Every node and edge of every path, once. */
  graph: GraphSchema,
  /** True when `all-shortest` found more than `limit` paths. */
  truncated: z.boolean(),
  /** `{old: new}` for an end given by an id merged into another entity. */
  redirects: z.record(z.string(), z.string()),
});
export type PathResult = z.infer<typeof PathResultSchema>;

export const SubgraphRequestSchema = z.object({
  ids: z.array(StableId).min(1, 'must name at least one node').max(2000, 'must name at most 2000 nodes'),
});
export type SubgraphRequest = z.input<typeof SubgraphRequestSchema>;

export const SubgraphResultSchema = GraphSchema.extend({
  /** Requested ids that name no node. */
  missing: z.array(z.string()),
  /** `{old: new}` for requested ids merged into another entity: the reply holds the new one. */
  redirects: z.record(z.string(), z.string()),
});
export type SubgraphResult = z.infer<typeof SubgraphResultSchema>;
