/**
 * The graph model both sides agree on (docs/model.md): labels, index names, id rules, confidence levels,
 * how a node's kind and an edge's reading are derived.
 */
/** Every content node carries this label besides its kind; `Evidence` nodes hold quotes and stand apart. */
export const ENTITY_LABEL = 'Entity';
export const EVIDENCE_LABEL = 'Evidence';
/** Ids merged into others (server/services/redirects.ts): bookkeeping, hidden from analysts' Cypher by its `_`. */
export const REDIRECT_LABEL = '_Redirect';
/**
 * The id of the import changeset that created a node, relationship or evidence (set on create only): its revert
 * deletes what carries it. Bookkeeping, like `_` labels: the wire, details and exports never show it.
 */
export const CREATED_BY_IMPORT = '_createdByImport';
/** The full-text index over names, aliases and descriptions. */
export const SEARCH_INDEX = 'entity_search';
/** Relationship ids are unique per type by a constraint named with this prefix and the lower-cased type. */
export const RELATIONSHIP_ID_PREFIX = 'rel_id_unique_';

/** From firmest to weakest footing. */
export const CONFIDENCE = ['fact', 'named-source', 'anonymous-source', 'alleged', 'denied'] as const;
export type Confidence = (typeof CONFIDENCE)[number];
/**
 * A row of a dataset (an imported FollowTheMoney entity) is evidence of its own kind: no quote and no reporter's
 * judgement, so it is a level of its own, after every quote's. An edge supported only by records has this level.
 */
export const RECORD_CONFIDENCE = 'dataset-record';
/** Every level an Evidence node or an edge's `confidence` may hold: the quotes' levels, then dataset records. */
export const EVIDENCE_LEVELS = [...CONFIDENCE, RECORD_CONFIDENCE] as const;
export const NODE_LABELS = ['Person', 'Organization', 'Place', 'Facility', 'Law', 'Deal', 'Event', 'Group', 'Statement', 'Source'] as const;

/** How stable ids and relationship types are spelled; the contract's zod schemas check them (shared/contract/graph.ts). */
export const ID_RULES = {
  entity: { pattern: /^[a-z][a-z0-9-]*:[a-z0-9][a-z0-9.-]*$/, message: 'must look like kind:kebab-slug, e.g. person:marco-rubio' },
  relationship: { pattern: /^rel:[a-z0-9][a-z0-9.-]*$/, message: 'must look like rel:kebab-slug' },
  relationshipType: { pattern: /^[A-Z][A-Z0-9_]*$/, message: 'must be UPPER_SNAKE_CASE, e.g. AGREED_TO' },
  /** A kind (node label); also every name the server puts into Cypher (server/db/cypher-names.ts). */
  label: { pattern: /^[A-Z][A-Za-z0-9_]*$/, message: 'must be a kind in PascalCase, e.g. Person' },
} as const;

/** The kind of a node: its first label other than the technical `Entity`. */
export function kindOf(labels: readonly string[]): string {
  return labels.find((l) => l !== ENTITY_LABEL) ?? ENTITY_LABEL;
}

/** Edges read as phrases: AGREED_TO → "agreed to". */
export function edgeLabel(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

/**
 * Properties that are the graph's own bookkeeping (ids, quote lists, a source's text, authorship), or that have their
 * own field in an edit (`name`, `aliases`): no claim and no edit sets them as a property.
 */
export const RESERVED_PROPERTIES: ReadonlySet<string> = new Set(['id', 'name', 'evidence', 'text', 'aliases', 'confidence', 'addedBy', 'addedAt']);
