/** Deduplication: pairs of entities that may be one, and the judgements that settle them (docs/deduplication.md). */
import { z } from 'zod';
import { StableId } from './explore.js';
import { WireNodeSchema } from './graph.js';
import { MergeChoiceSchema, MergePreviewSchema, WriteResultSchema } from './reporting.js';

export const JUDGEMENTS = ['same', 'different', 'unsure'] as const;
export const JudgementSchema = z.enum(JUDGEMENTS);
export type Judgement = z.infer<typeof JudgementSchema>;

export const DedupCandidatesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  unsure: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: also the pairs judged unsure (judged same or different, a pair is never proposed again)'),
});
export type DedupCandidatesQuery = z.input<typeof DedupCandidatesQuerySchema>;

/** One side of a pair: the entity, what it is linked to and which datasets' records stand behind it. */
export const DedupSideSchema = z.object({
  node: WireNodeSchema,
  /** Its commonest relationship types with counts, then some neighbours' names ("with CDU"). */
  connections: z.array(z.string()),
  /** The datasets whose records it cites, and how many quotes from articles. */
  datasets: z.array(z.string()),
  quotes: z.number().int(),
});
export type DedupSide = z.infer<typeof DedupSideSchema>;

export const DedupPairSchema = z.object({
  /** The two ids in order (a < b): the pair's identity in judgements. */
  a: DedupSideSchema,
  b: DedupSideSchema,
  score: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  /** `unsure` when judged so (listed with `?unsure=true`), else null. */
  judgement: JudgementSchema.nullable(),
  /** What judging them the same would do: which one stays (`into`), what moves, and the values to choose between. */
  merge: MergePreviewSchema,
});
export type DedupPair = z.infer<typeof DedupPairSchema>;

export const DedupCandidatesSchema = z.object({
  /** Pairs proposed in all (after the judged ones are left out), of which this page holds `pairs`, best first. */
  total: z.number().int(),
  pairs: z.array(DedupPairSchema),
  /** Entities compared, and how long finding and scoring the pairs took. */
  entities: z.number().int(),
  tookMs: z.number(),
});
export type DedupCandidates = z.infer<typeof DedupCandidatesSchema>;

export const JudgementInputSchema = z.strictObject({
  a: StableId,
  b: StableId,
  judgement: JudgementSchema,
  /** `same`: the entity that stays (a or b); by default the one with more relationships and quotes (docs/deduplication.md). */
  keep: StableId.optional(),
  /** `same`: settles each value that differs, as for a merge (`from` is the one that goes). */
  choose: z.record(z.string(), MergeChoiceSchema).default({}),
});
export type JudgementInput = z.input<typeof JudgementInputSchema>;

export const JudgementRecordSchema = z.object({
  a: z.string(),
  b: z.string(),
  judgement: JudgementSchema,
  by: z.string(),
  at: z.string(),
  /** `same`: the merge's changeset. */
  change: z.string().nullable(),
});

export const JudgementResultSchema = z.object({
  judgement: JudgementRecordSchema,
  /** `same`: the merge as POST /nodes/:id/merge answers it; else null. */
  merge: WriteResultSchema.nullable(),
});
export type JudgementResult = z.infer<typeof JudgementResultSchema>;
