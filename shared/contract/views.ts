import { z } from 'zod';

/** A named canvas view, stored in Neo4j apart from the content so that every API server shares it. */
export const SavedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The encoded view, as in the app's URL after `#view=`. */
  state: z.string(),
  nodeCount: z.number().int(),
  /** Who saved it last: the logged-in user, `local` without logins; null for views saved before authors were kept. */
  author: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** `{old: new}` when the view named entities merged since it was saved: `state` names the new ones. */
  redirects: z.record(z.string(), z.string()).optional(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

/** Strict: the author is whoever is logged in, never a name sent with the view. */
export const SavedViewInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  state: z.string().min(1).max(200_000, 'must be at most 200,000 characters').regex(/^[A-Za-z0-9_-]+$/, 'must be an encoded view (base64url)'),
  nodeCount: z.number().int().min(0).max(100_000),
});
export type SavedViewInput = z.infer<typeof SavedViewInputSchema>;

export const ViewIdParamsSchema = z.object({ id: z.string().regex(/^view:[a-z0-9-]+$/, 'must be a view id such as view:rubio-deal') });

export const SavedViewListSchema = z.object({ views: z.array(SavedViewSchema.omit({ state: true })) });
export type SavedViewList = z.infer<typeof SavedViewListSchema>;
