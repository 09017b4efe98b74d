/**
 * How a second source's properties meet the ones already stated (in another file or in the database): lists are
 * united, a scalar is added when there is none, agreed with when equal, and a different scalar is a conflict, never
 * an overwrite. Nulls say nothing and erase nothing.
 */
type Props = Record<string, unknown>;

export interface PropertyConflict { name: string; stored: unknown; incoming: unknown }
export interface MergedProperties { merged: Props; conflicts: PropertyConflict[]; changed: boolean }

/**
 * `computed`: properties the writer derives (an edge's confidence), where a different value is no conflict.
 * `replaced`: lists compared whole, like scalars, because the writer replaces them (NodeRow's `replace`).
 */
export function mergeProperties(stored: Props, incoming: Props, computed: ReadonlySet<string> = new Set(), replaced: readonly string[] = []): MergedProperties {
  const merged: Props = { ...stored };
  const conflicts: PropertyConflict[] = [];
  let changed = false;
  for (const [name, value] of Object.entries(incoming)) {
    if (value === null || value === undefined) continue;
    const old = stored[name];
    if (old === null || old === undefined) {
      merged[name] = value;
      changed = true;
    } else if (Array.isArray(old) && Array.isArray(value) && !replaced.includes(name)) {
      const have = new Set<unknown>(old);
      const added = value.filter((v: unknown) => !have.has(v));
      if (added.length) {
        merged[name] = [...old, ...new Set(added)];
        changed = true;
      }
    } else if (!sameValue(old, value)) {
      if (computed.has(name)) {
        merged[name] = value;
        changed = true;
      } else conflicts.push({ name, stored: old, incoming: value });
    }
  }
  return { merged, conflicts, changed };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** A value as a message shows it: JSON, cut short. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…"` : text;
}
