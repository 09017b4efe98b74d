/**
 * Reporting: sources added in the app, claims made from their quotes, retractions, and the changesets that record
 * every write (who, when, before and after) so each can be seen and reverted. docs/reporting.md tells the model.
 */
import { z } from 'zod';
import { CONFIDENCE, NODE_LABELS } from '../model/graph-model.js';
import { EvidenceSchema, StableId } from './explore.js';
import { EntityId, GraphSchema, RelationshipType, WireNodeSchema } from './graph.js';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
/** A date as precise as the source gives it: `2025`, `2025-03` or `2025-03-13`. */
export const PartialDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

// ─── Sources ───────────────────────────────────────────────────────────────────
export const SourceFormatSchema = z.enum(['text', 'markdown', 'html']);

export const SourceInputSchema = z.strictObject({
  title: text(500),
  publisher: text(200).optional(),
  author: text(300).optional(),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000).optional(),
  publishedAt: PartialDate.optional(),
  /** How `content` is written: HTML is reduced to its readable article text before it is stored. */
  format: SourceFormatSchema.default('text'),
  content: z.string().min(1, 'must not be empty').max(2_000_000, 'must be at most 2,000,000 characters'),
});
export type SourceInput = z.input<typeof SourceInputSchema>;

export const SourceSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  addedBy: z.string().nullable(),
  addedAt: z.string().nullable(),
  /** Characters of stored text. */
  length: z.number().int(),
  /** Quotes (Evidence) that rest on it, retracted ones excluded. */
  quotes: z.number().int(),
  /** The current version of its text: 1, then one more for each correction (POST /sources/{id}/versions). */
  version: z.number().int(),
});
export type SourceSummary = z.infer<typeof SourceSummarySchema>;

export const SourceListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe('Words in the title, publisher or author'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SourceListQuery = Partial<z.input<typeof SourceListQuerySchema>>;
export const SourceListSchema = z.object({ sources: z.array(SourceSummarySchema) });
export type SourceList = z.infer<typeof SourceListSchema>;

export const SourceVersionSchema = z.object({
  version: z.number().int(),
  /** When and by whom it was stored (null for a seed source's first version, which records neither). */
  at: z.string().nullable(),
  by: z.string().nullable(),
  /** What the correction was, in the editor's words. */
  note: z.string().nullable(),
});
export type SourceVersion = z.infer<typeof SourceVersionSchema>;

export const SourceDetailsSchema = z.object({
  source: SourceSummarySchema,
  /** The version of the text given here: the current one, or the one asked for with `?version=`. */
  version: z.number().int(),
  /** Every version of the text, oldest first: the last is the current one. */
  versions: z.array(SourceVersionSchema),
  text: z.string(),
  /** Every quote resting on this version of the text, in text order. */
  evidence: z.array(EvidenceSchema),
  /** What those quotes support: the nodes and edges, with the end nodes of the edges. */
  supports: GraphSchema,
  /** Names and aliases of existing entities found in the text, for one-click claims (offsets as the evidence's). */
  mentions: z.array(z.object({ start: z.number().int(), end: z.number().int(), nodeId: z.string(), name: z.string(), kind: z.string() })),
});
export type SourceDetails = z.infer<typeof SourceDetailsSchema>;

// ─── Entities ──────────────────────────────────────────────────────────────────
export const EntityKindSchema = z.enum(NODE_LABELS);

/** An existing entity by id, or a new one to create with the claim. */
export const EntityRefSchema = z.union([EntityId, z.strictObject({ new: z.strictObject({ kind: EntityKindSchema, name: text(300) }) })]);
export type EntityRef = z.input<typeof EntityRefSchema>;

export const EntityMatchQuerySchema = z.object({
  name: text(300),
  kind: EntityKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(25).default(8),
});
export type EntityMatchQuery = z.input<typeof EntityMatchQuerySchema>;

export const EntityCandidateSchema = z.object({
  node: WireNodeSchema,
  /** 0..1: how likely the name means this entity. */
  score: z.number(),
  /** Why it matched, in words: "same name without accents", "initials", "alias", "names reversed", "one letter off"... */
  reasons: z.array(z.string()),
  /** A hint of what it is connected to: the commonest relationship types and a few neighbours' names. */
  connections: z.array(z.string()),
});
export type EntityCandidate = z.infer<typeof EntityCandidateSchema>;
export const EntityMatchSchema = z.object({ candidates: z.array(EntityCandidateSchema) });
export type EntityMatch = z.infer<typeof EntityMatchSchema>;

// ─── Claims ────────────────────────────────────────────────────────────────────
export const ClaimDateSchema = z.strictObject({
  /** As the source writes it: "March 13", "two days after the call". */
  text: text(200),
  date: PartialDate.optional(),
  precision: z.enum(['day', 'month', 'year']).optional(),
});

const claimCommon = {
  sourceId: StableId,
  /** The quote and its UTF-16 offsets in the source's text; the server checks it is there, verbatim. */
  quote: z.string().min(3, 'must be at least 3 characters').max(5000, 'must be at most 5,000 characters'),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  attribution: text(300),
  confidence: z.enum(CONFIDENCE),
  subject: EntityRefSchema,
  date: ClaimDateSchema.optional(),
  /**
   * Create new entities although likely duplicates exist (the server remembers that it was told so). Without it, a
   * new entity whose name matches existing ones (score at least 0.8, GET /entities/match) is refused with 409: the
   * error's `details` are `{where: 'body.subject.new' | 'body.object.new', message: <candidate entity id>}`, best first.
   */
  allowDuplicates: z.boolean().default(false),
  /** The version of the source's text the offsets were taken from; a claim on any but the current one is refused (409). */
  version: z.number().int().min(1).optional(),
};

/** `subject -[type]-> object`: a relationship, or a new quote for the existing one with the same ends and type. */
export const RelationshipClaimSchema = z.strictObject({ ...claimCommon, type: RelationshipType, object: EntityRefSchema });
/** A property of the subject: `position = "Secretary of State"`. */
export const PropertyClaimSchema = z.strictObject({
  ...claimCommon,
  property: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be a camelCase property name such as position'),
  value: z.union([text(2000), z.number(), z.boolean()]),
});
export const ClaimInputSchema = z.union([RelationshipClaimSchema, PropertyClaimSchema]);
export type ClaimInput = z.input<typeof ClaimInputSchema>;

export const RetractInputSchema = z.strictObject({ reason: text(1000) });

// ─── Changesets ────────────────────────────────────────────────────────────────
export const ChangeKindSchema = z.enum(['add-source', 'add-claim', 'retract', 'revert', 'edit', 'new-version', 'merge', 'import']);

const TallySchema = z.object({ created: z.number().int(), merged: z.number().int(), unchanged: z.number().int() });
/** What an import did to each kind of element: created, merged into, or found already as they were. */
export const ImportCountsSchema = z.object({ nodes: TallySchema, edges: TallySchema, evidence: TallySchema });
export type ImportCounts = z.infer<typeof ImportCountsSchema>;

export const ChangeSchema = z.object({
  id: z.string(),
  kind: ChangeKindSchema,
  /** Who made it: the logged-in user, or `local` without logins. */
  by: z.string(),
  at: z.string(),
  /** In words: `added a quote from "…" to Marco Rubio agreed to …`. */
  summary: z.string(),
  /** A note or reason given with it (a retraction's why). */
  note: z.string().nullable(),
  /** Ids of the nodes, edges, evidence and sources it touched. */
  targets: z.array(z.string()),
  /** The changeset that reverted this one, or the one this one reverts. */
  revertedBy: z.string().nullable(),
  reverts: z.string().nullable(),
  /** An import's counts (what undoing it deletes and puts back); null for every other kind. */
  counts: ImportCountsSchema.nullable(),
});
export type Change = z.infer<typeof ChangeSchema>;

export const ChangeListQuerySchema = z.object({
  target: StableId.optional().describe('Only changes that touched this node, edge, quote or source'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().optional().describe('`nextBefore` of the previous page'),
});
export type ChangeListQuery = Partial<z.input<typeof ChangeListQuerySchema>>;
export const ChangeListSchema = z.object({ changes: z.array(ChangeSchema), nextBefore: z.string().nullable() });
export type ChangeList = z.infer<typeof ChangeListSchema>;

export const ImportEntitiesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(2000).default(200).describe('At most this many entities, with the relationships among them'),
});
/** An import's entities as they are now, to draw: the first `limit` of those it created or changed. */
export const ImportEntitiesSchema = GraphSchema.extend({
  /** How many entities the import created or changed that are still there (`nodes` may hold fewer). */
  total: z.number().int(),
});
export type ImportEntities = z.infer<typeof ImportEntitiesSchema>;

/** What a write did: its changeset, and the graph elements as they are after it. */
export const WriteResultSchema = z.object({ change: ChangeSchema, graph: GraphSchema });
export type WriteResult = z.infer<typeof WriteResultSchema>;

export const SourceCreatedSchema = z.object({ change: ChangeSchema, source: SourceSummarySchema });
export type SourceCreated = z.infer<typeof SourceCreatedSchema>;

// ─── Editing an entity ─────────────────────────────────────────────────────────
const PropertyNameSchema = PropertyClaimSchema.shape.property;
const PropertyValueSchema = z.union([text(2000), z.number(), z.boolean(), z.array(text(2000)).max(100)]);
const AliasesSchema = z.array(text(300)).max(100, 'must be at most 100 aliases');
/** Properties by name; `null` is none (in an edit: remove it). */
const PropertyValuesSchema = z.record(PropertyNameSchema, PropertyValueSchema.nullable());

/** Why an edit is right: a standing quote (an evidence id), or an editorial decision with its note. */
export const EditReasonSchema = z.union([z.strictObject({ evidence: StableId }), z.strictObject({ editorial: text(1000) })]);

/**
 * The values the editor saw for exactly the fields they change (`null`: it had none). When one differs from the stored
 * value the edit is refused with 409, each such field named in `details` (`where: 'body.base.properties.role'`).
 */
export const EditBaseSchema = z.strictObject({
  name: z.string().nullable().optional(),
  aliases: z.array(z.string()).nullable().optional(),
  properties: PropertyValuesSchema.optional(),
});

export const EditEntityInputSchema = z.strictObject({
  name: text(300).optional(),
  /** The whole new list. */
  aliases: AliasesSchema.optional(),
  /** Properties to set; `null` removes one. The graph's own (`id`, `evidence`, `text`…) cannot be set. */
  properties: PropertyValuesSchema.optional(),
  /** A renamed entity keeps its old name as an alias (how earlier sources and searches call it), unless this is false. */
  keepOldName: z.boolean().default(true),
  because: EditReasonSchema,
  base: EditBaseSchema,
});
export type EditEntityInput = z.input<typeof EditEntityInputSchema>;
// ─── Source versions ───────────────────────────────────────────────────────────
/** A corrected text: the content part of a new source, reduced to text the same way, with a note of what changed. */
export const SourceVersionInputSchema = SourceInputSchema.pick({ format: true, content: true }).extend({ note: text(1000).optional() });
export type SourceVersionInput = z.input<typeof SourceVersionInputSchema>;

export const SourceVersionCreatedSchema = z.object({
  change: ChangeSchema,
  source: SourceSummarySchema,
  /** Standing quotes carried over to the new version (those still verbatim in it, at their new offsets). */
  moved: z.number().int(),
  /** Standing quotes no longer verbatim: they stay on the version they were made on (`version`). */
  stranded: z.array(z.object({ id: z.string(), quote: z.string(), version: z.number().int() })),
});
export type SourceVersionCreated = z.infer<typeof SourceVersionCreatedSchema>;
// ─── Merging ───────────────────────────────────────────────────────────────────
/** Which side's value a merge keeps where the two entities differ: their kind (`kind`) or a property. */
export const MergeChoiceSchema = z.enum(['from', 'into']);
export type MergeChoice = z.infer<typeof MergeChoiceSchema>;

export const MergeInputSchema = z.strictObject({
  /** The entity that stays; the one in the path (`:id`) goes away and redirects to it. */
  into: StableId,
  /** Settles each conflict: `{position: 'into', kind: 'from'}`. Without a choice for every conflict, 409 lists them. */
  choose: z.record(z.string(), MergeChoiceSchema).default({}),
});
export type MergeInput = z.input<typeof MergeInputSchema>;

export const MergePreviewQuerySchema = z.object({ into: StableId.describe('The entity that would stay') });

export const MergeConflictSchema = z.object({
  /** A property name, or `kind` when the two are of different kinds. */
  property: z.string(),
  from: z.unknown(),
  into: z.unknown(),
});
export type MergeConflict = z.infer<typeof MergeConflictSchema>;

/** What merging `from` into `into` would do; POST /nodes/:id/merge does exactly this. */
export const MergePreviewSchema = z.object({
  from: WireNodeSchema,
  into: WireNodeSchema,
  /**
   * Each relationship of `from`: `move` keeps its id on `into`; `unite` joins the relationship `keptId` that `into`
   * already has with the same type, direction and other end (evidence united, the moved id redirecting to it);
   * `drop` is one between the two entities themselves, which would become a self-loop: it leaves the graph (the
   * changeset keeps it, so an undo brings it back).
   */
  edges: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      direction: z.enum(['out', 'in']),
      other: z.object({ id: z.string(), name: z.string() }),
      action: z.enum(['move', 'unite', 'drop']),
      keptId: z.string().nullable(),
    }),
  ),
  /** Ids of the quotes whose claims move to `into` (its own property quotes and its relationships'). */
  quotes: z.array(z.string()),
  /** `into`'s aliases after the merge: both lists and `from`'s name. */
  aliases: z.array(z.string()),
  /** Values that differ: each needs a `choose` entry. */
  conflicts: z.array(MergeConflictSchema),
});
export type MergePreview = z.infer<typeof MergePreviewSchema>;
