/**
 * The type of a property column, for formats with typed columns (GraphML, GEXF, CSV headers). It is the type of the
 * key across the whole graph (every value the database holds for it, as Cypher's `valueType` names them), never
 * that of the values a selection happens to hold: a key is written the same way in every export.
 */

export type ValueKind = 'string' | 'integer' | 'float' | 'boolean' | 'string[]' | 'integer[]' | 'float[]' | 'json';

export interface Column {
  name: string;
  kind: ValueKind;
}

/** A property key's kind for nodes and for relationships. */
export interface PropertyKinds {
  node: ReadonlyMap<string, ValueKind>;
  edge: ReadonlyMap<string, ValueKind>;
}

type Observed = ValueKind | 'list' | null;

const SCALARS: Record<string, ValueKind> = { STRING: 'string', INTEGER: 'integer', FLOAT: 'float', BOOLEAN: 'boolean' };
/** Temporal values leave the database as ISO text. */
const TEXT_TYPES = /^(DATE|ZONED DATETIME|LOCAL DATETIME|ZONED TIME|LOCAL TIME|DURATION)$/;

/** The kind of one Cypher type name (`FLOAT NOT NULL`, `LIST<STRING NOT NULL> NOT NULL`); `list` for an empty list. */
function kindOfCypherType(typeName: string): Observed {
  const type = typeName.replace(/ NOT NULL/g, '');
  if (type === 'NULL') return null;
  const list = /^LIST<(.*)>$/.exec(type);
  if (list) {
    if (list[1] === 'NOTHING') return 'list';
    const item = SCALARS[list[1]!];
    return item && item !== 'boolean' ? (`${item}[]` as ValueKind) : 'json';
  }
  return SCALARS[type] ?? (TEXT_TYPES.test(type) ? 'string' : 'json');
}

function merge(a: Observed, b: Observed): Observed {
  if (a === null || a === b) return b;
  if (b === null) return a;
  const pair = new Set([a, b]);
  if (pair.has('integer') && pair.has('float')) return 'float';
  if (pair.has('list')) {
    const other = a === 'list' ? b : a;
    return other.endsWith('[]') ? other : 'json';
  }
  if (pair.has('integer[]') && pair.has('float[]')) return 'float[]';
  return 'json';
}

/** The narrowest kind that holds values of all these Cypher types. */
export function kindOfCypherTypes(typeNames: readonly string[]): ValueKind {
  const kind = typeNames.map(kindOfCypherType).reduce(merge, null);
  return kind === null ? 'string' : kind === 'list' ? 'string[]' : kind;
}

/** One column per property key the rows hold, sorted by name, of the key's kind in the graph (JSON if unknown). */
export function propertyColumns(rows: readonly { properties: Record<string, unknown> }[], kinds: ReadonlyMap<string, ValueKind>): Column[] {
  const names = new Set(rows.flatMap((row) => Object.keys(row.properties)));
  return [...names].sort().map((name) => ({ name, kind: kinds.get(name) ?? 'json' }));
}

/** Names the formats give their own attributes; a property so named is written as `property.<name>` in every format. */
export const RESERVED_NODE_NAMES: ReadonlySet<string> = new Set(['label', 'labels', 'quotes', 'x', 'y', 'color', 'size']);
export const RESERVED_EDGE_NAMES: ReadonlySet<string> = new Set(['label', 'type', 'kind', 'quotes']);

export const columnName = (name: string, reserved: ReadonlySet<string>) => (reserved.has(name) ? `property.${name}` : name);
