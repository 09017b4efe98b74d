/** The human-editable seed format (YAML or JSON), validated before anything is written. See docs/model.md. */
import { z } from 'zod';

/** From firmest to weakest footing. */
export const CONFIDENCE = ['fact', 'named-source', 'anonymous-source', 'alleged', 'denied'] as const;
export type Confidence = (typeof CONFIDENCE)[number];
export const NODE_LABELS = ['Person', 'Organization', 'Place', 'Facility', 'Law', 'Deal', 'Event', 'Group', 'Statement', 'Source'] as const;

export const EntityId = z.string().regex(/^[a-z][a-z0-9-]*:[a-z0-9][a-z0-9.-]*$/, 'must look like kind:kebab-slug, e.g. person:marco-rubio');
const RelationshipType = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE, e.g. AGREED_TO');
const PropertyValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string()), z.array(z.number())]);
const Properties = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'property names are camelCase identifiers'), PropertyValue);

export const EvidenceInput = z.strictObject({
  quote: z.string().min(3),
  source: EntityId.optional(),
  attribution: z.string().min(1),
  confidence: z.enum(CONFIDENCE),
  occurrence: z.number().int().min(1).optional(),
  supports: z.array(z.string()).optional(),
});
export type EvidenceInput = z.infer<typeof EvidenceInput>;

export const SourceInput = z.strictObject({
  id: EntityId,
  labels: z.array(z.enum(NODE_LABELS)).default(['Source']),
  textFile: z.string().optional(),
  properties: Properties.refine((p) => typeof p.name === 'string', 'a source needs a name'),
});

export const NodeInput = z.strictObject({
  id: EntityId,
  labels: z.array(z.enum(NODE_LABELS)).min(1),
  properties: Properties.refine((p) => typeof p.name === 'string', 'a node needs a string name'),
  evidence: z.array(EvidenceInput).default([]),
});

export const EdgeInput = z.strictObject({
  id: z.string().regex(/^rel:[a-z0-9][a-z0-9.-]*$/, 'must look like rel:kebab-slug'),
  type: RelationshipType,
  source: EntityId,
  target: EntityId,
  properties: Properties.default({}),
  evidence: z.array(EvidenceInput).min(1, 'every relationship needs at least one evidence quote'),
});

export const SeedFileSchema = z.strictObject({
  version: z.literal(1),
  sources: z.array(SourceInput).default([]),
  nodes: z.array(NodeInput).default([]),
  edges: z.array(EdgeInput).default([]),
});
export type SeedFile = z.infer<typeof SeedFileSchema>;
