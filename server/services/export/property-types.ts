/** The type of a property column across many rows, for formats with typed columns (GraphML, GEXF, CSV headers). */

export type ValueKind = 'string' | 'integer' | 'float' | 'boolean' | 'string[]' | 'integer[]' | 'float[]' | 'json';

export interface Column {
  name: string;
  kind: ValueKind;
}

type Observed = ValueKind | 'list' | null;

/** The kind of one value; null for null/undefined, `list` for an empty list (fits any list kind). */
function kindOfValue(value: unknown): Observed {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'float';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'list';
    const items = value.map(kindOfValue);
    if (items.every((k) => k === 'string')) return 'string[]';
    if (items.every((k) => k === 'integer')) return 'integer[]';
    if (items.every((k) => k === 'integer' || k === 'float')) return 'float[]';
  }
  return 'json';
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

/** One column per property key (minus `skip`), sorted by name, with the narrowest kind that fits every value. */
export function propertyColumns(rows: readonly { properties: Record<string, unknown> }[], skip: ReadonlySet<string> = new Set()): Column[] {
  const kinds = new Map<string, Observed>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row.properties)) {
      if (skip.has(name)) continue;
      kinds.set(name, merge(kinds.get(name) ?? null, kindOfValue(value)));
    }
  }
  return [...kinds.entries()]
    .map(([name, kind]) => ({ name, kind: kind === null ? 'string' : kind === 'list' ? 'string[]' : kind }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

export const isListKind = (kind: ValueKind) => kind.endsWith('[]');
