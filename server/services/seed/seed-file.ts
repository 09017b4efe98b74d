/** The human-editable seed format (YAML or JSON), validated before anything is written. See docs/model.md. */
import { z } from 'zod';
import { EntityId, RelationshipId, RelationshipType } from '../../../shared/contract/graph.js';
import { CONFIDENCE, NODE_LABELS } from '../../../shared/model/graph-model.js';

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

/**
 * A node to create, or one to cite: an entry for an id already in the database (or declared by another file) may
 * leave out labels and name and only add aliases, properties or evidence. A new node needs both (checked at load).
 */
export const NodeInput = z.strictObject({
  id: EntityId,
  labels: z.array(z.enum(NODE_LABELS)).default([]),
  properties: Properties.refine((p) => p.name === undefined || typeof p.name === 'string', 'a name is a string').default({}),
  evidence: z.array(EvidenceInput).default([]),
});

export const EdgeInput = z.strictObject({
  id: RelationshipId,
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
