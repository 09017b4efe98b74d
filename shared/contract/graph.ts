/**
 * The one graph model on the wire: nodes and edges keyed by stable, human-readable ids.
 * Neo4j internal ids never appear. Shared by the server (validation) and the client (types).
 */
import { z } from 'zod';
import { ID_RULES } from '../model/graph-model.js';

const rule = ({ pattern, message }: { pattern: RegExp; message: string }) => z.string().regex(pattern, message);
export const EntityId = rule(ID_RULES.entity);
export const RelationshipId = rule(ID_RULES.relationship);
export const RelationshipType = rule(ID_RULES.relationshipType);

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
