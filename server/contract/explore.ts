import { z } from 'zod';

import { WireNodeSchema } from './graph.js';

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
