/**
 * The API's wire model and request schemas, shared by the server (validation) and the client (types).
 * One graph model: nodes and edges keyed by stable, human-readable ids; Neo4j internal ids never appear.
 */
import { z } from 'zod';

export const WireNodeSchema = z.object({
  id: z.string(),
  labels: z.array(z.string()),
  properties: z.record(z.string(), z.unknown()),
});
export type WireNode = z.infer<typeof WireNodeSchema>;

export const WireEdgeSchema = z.object({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  properties: z.record(z.string(), z.unknown()),
});
export type WireEdge = z.infer<typeof WireEdgeSchema>;

export const GraphSchema = z.object({ nodes: z.array(WireNodeSchema), edges: z.array(WireEdgeSchema) });
export type Graph = z.infer<typeof GraphSchema>;

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  neo4j: z.object({
    connected: z.boolean(),
    version: z.string().optional(),
    database: z.string().optional(),
    error: z.string().optional(),
  }),
});
export type Health = z.infer<typeof HealthSchema>;

const csvList = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []));

export const LabelName = z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a label such as Person');

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  labels: csvList.pipe(z.array(LabelName)),
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

export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ where: z.string(), message: z.string() })),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
