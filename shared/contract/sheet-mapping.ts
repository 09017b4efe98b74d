/**
 * How a spreadsheet's columns become nodes and relationships (docs/spreadsheets.md). Columns are named by their
 * header, so a mapping saved for one version of a sheet applies to the next even when its columns move.
 */
import { z } from 'zod';
import { ID_RULES } from '../model/graph-model.js';

const Column = z.string().trim().min(1, 'must name a column').max(200);
/** A node mapping's handle, which relationship mappings use to name their ends. */
const Handle = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a short kebab-case name, e.g. donor');
const Kind = z.string().regex(ID_RULES.label.pattern, ID_RULES.label.message).refine((k) => k !== 'Entity' && k !== 'Evidence', 'is reserved');
/** Threadline's own properties, which a mapping fills from its key, name and evidence, never from a column. */
export const RESERVED_PROPERTIES = ['id', 'name', 'evidence', 'confidence', 'aliases'] as const;
const Property = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9_]*$/, 'must be a camelCase property name, e.g. amount')
  .refine((p) => !(RESERVED_PROPERTIES as readonly string[]).includes(p), `is reserved (${RESERVED_PROPERTIES.join(', ')})`);

export const PROPERTY_TYPES = ['text', 'number', 'date', 'list'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** A column kept as a property. A date also keeps its precision (`<property>Precision`: year, month or day). */
export const PropertyColumnSchema = z.strictObject({
  column: Column,
  property: Property,
  type: z.enum(PROPERTY_TYPES).default('text'),
  /** For lists: what separates the values in a cell. */
  separator: z.string().min(1).max(5).default(';'),
});
export type PropertyColumn = z.infer<typeof PropertyColumnSchema>;

/** A fixed value, or the value of a column in each row. */
const fixedOrColumn = <T extends z.ZodType>(fixed: T) => z.union([z.strictObject({ fixed }), z.strictObject({ column: Column })]);

export const NodeMappingSchema = z.strictObject({
  handle: Handle,
  kind: fixedOrColumn(Kind),
  /** The row's identity for this node: its id is `<kind>:<slug of these columns' values>`. */
  keyColumns: z.array(Column).min(1, 'needs at least one key column').max(5),
  nameColumn: Column,
  properties: z.array(PropertyColumnSchema).max(100).default([]),
});
export type NodeMapping = z.infer<typeof NodeMappingSchema>;

/** An end of a relationship: a node mapping of the same row, or a column holding an existing entity's id. */
const EndSchema = z.union([z.strictObject({ node: Handle }), z.strictObject({ idColumn: Column })]);
export type EdgeEnd = z.infer<typeof EndSchema>;

export const EdgeMappingSchema = z.strictObject({
  source: EndSchema,
  target: EndSchema,
  type: fixedOrColumn(z.string().regex(ID_RULES.relationshipType.pattern, ID_RULES.relationshipType.message)),
  /** Tell apart several relationships between the same two nodes (two donations: date and amount); none: one per pair. */
  keyColumns: z.array(Column).max(5).default([]),
  properties: z.array(PropertyColumnSchema).max(100).default([]),
});
export type EdgeMapping = z.infer<typeof EdgeMappingSchema>;

export const SheetMappingSchema = z
  .strictObject({
    nodes: z.array(NodeMappingSchema).max(20).default([]),
    edges: z.array(EdgeMappingSchema).max(20).default([]),
  })
  .superRefine((mapping, ctx) => {
    const handles = mapping.nodes.map((n) => n.handle);
    handles.forEach((handle, i) => {
      if (handles.indexOf(handle) !== i) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'handle'], message: `"${handle}" names two node mappings` });
    });
    mapping.edges.forEach((edge, i) => {
      for (const end of ['source', 'target'] as const) {
        const ref = edge[end];
        if ('node' in ref && !handles.includes(ref.node)) ctx.addIssue({ code: 'custom', path: ['edges', i, end, 'node'], message: `no node mapping is called "${ref.node}"` });
      }
    });
    if (mapping.nodes.length + mapping.edges.length === 0) ctx.addIssue({ code: 'custom', path: ['nodes'], message: 'map at least one node or relationship' });
  });
export type SheetMapping = z.infer<typeof SheetMappingSchema>;
export type SheetMappingInput = z.input<typeof SheetMappingSchema>;

/** A mapping stored under a name, to import the next version of the same sheet alike. */
export const SavedMappingSchema = z.object({
  id: z.string(),
  name: z.string(),
  mapping: SheetMappingSchema,
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedMapping = z.infer<typeof SavedMappingSchema>;

export const SavedMappingInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  mapping: SheetMappingSchema,
});
export type SavedMappingInput = z.input<typeof SavedMappingInputSchema>;

export const MappingIdParamsSchema = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be a kebab-case id such as party-donations') });
export const SavedMappingListSchema = z.object({ mappings: z.array(SavedMappingSchema) });
export type SavedMappingList = z.infer<typeof SavedMappingListSchema>;
