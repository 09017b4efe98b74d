/**
 * Stories: an ordered walk through one set of nodes and edges, each step with a caption and what it highlights.
 * Stored apart from the content graph (label `_Story`), every save kept as a version. Everything a published copy
 * needs is here (the elements, each step's highlight, camera and positions), so it can be rendered from the story alone.
 */
import { z } from 'zod';
import { CAPTION_MAX_LENGTH } from '../story/caption.js';

const PositionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

/**
 * Where a step looks: the graph point at the centre of the view, the zoom, and the size of the view it was framed in,
 * so that a larger or smaller view (present mode, an embed) shows the same part of the graph, scaled.
 */
export const StoryCameraSchema = z.strictObject({
  zoom: z.number().positive().max(100),
  center: PositionSchema,
  viewport: z.strictObject({ width: z.number().positive().max(20_000), height: z.number().positive().max(20_000) }),
});
export type StoryCamera = z.infer<typeof StoryCameraSchema>;

const StepIdSchema = z.string().regex(/^step-[0-9]+$/, 'must be a step id such as step-3');

export const StoryStepSchema = z.strictObject({
  id: StepIdSchema,
  title: z.string().trim().max(200, 'must be at most 200 characters'),
  /** Markdown source (shared/story/caption.ts says which part of Markdown); raw HTML in it is shown as text. */
  caption: z.string().max(CAPTION_MAX_LENGTH, `must be at most ${CAPTION_MAX_LENGTH} characters`),
  /** Node and edge ids this step marks; every other element fades. */
  highlighted: z.array(z.string()).max(2000),
  camera: StoryCameraSchema.nullable(),
  /** Node positions for this step; null keeps those of the story's previous step (or the layout). */
  positions: z.record(z.string(), PositionSchema).nullable(),
});
export type StoryStep = z.infer<typeof StoryStepSchema>;

export const StoryElementsSchema = z.strictObject({ nodes: z.array(z.string()).max(2000), edges: z.array(z.string()).max(4000) });
export type StoryElements = z.infer<typeof StoryElementsSchema>;

/** What an editor writes: the author is whoever is logged in, never a name sent with the story. */
export const StoryContentSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  summary: z.string().max(2000, 'must be at most 2,000 characters'),
  elements: StoryElementsSchema,
  steps: z.array(StoryStepSchema).max(100, 'must have at most 100 steps'),
  /** Served read-only, without a login, at /embed/stories/:id (docs/stories.md); absent means not public. */
  public: z.boolean().optional(),
});
export type StoryContent = z.infer<typeof StoryContentSchema>;

/** A save names the version it was made from: a save over a newer version is refused (409) rather than lost. */
export const StorySaveSchema = StoryContentSchema.extend({ baseVersion: z.number().int().min(1) });
export type StorySave = z.infer<typeof StorySaveSchema>;

export const StoryRestoreSchema = z.strictObject({ baseVersion: z.number().int().min(1) });

export const StorySchema = StoryContentSchema.extend({
  id: z.string(),
  version: z.number().int(),
  /** Who saved this version. */
  author: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** When this version was saved. */
  updatedAt: z.string(),
});
export type Story = z.infer<typeof StorySchema>;

export const StorySummarySchema = StorySchema.pick({ id: true, title: true, summary: true, version: true, author: true, createdBy: true, createdAt: true, updatedAt: true }).extend({
  stepCount: z.number().int(),
});
export type StorySummary = z.infer<typeof StorySummarySchema>;
export const StoryListSchema = z.object({ stories: z.array(StorySummarySchema) });
export type StoryList = z.infer<typeof StoryListSchema>;

export const StoryVersionSchema = z.object({ version: z.number().int(), author: z.string(), savedAt: z.string(), title: z.string(), stepCount: z.number().int() });
export type StoryVersion = z.infer<typeof StoryVersionSchema>;
export const StoryVersionListSchema = z.object({ versions: z.array(StoryVersionSchema) });
export type StoryVersionList = z.infer<typeof StoryVersionListSchema>;

const StoryId = z.string().regex(/^story:[a-z0-9-]+$/, 'must be a story id such as story:rubio-deal-1a2b3c');
export const StoryIdParamsSchema = z.object({ id: StoryId });
export const StoryVersionParamsSchema = z.object({ id: StoryId, n: z.coerce.number().int().min(1, 'must be a version number (1 or more)') });
