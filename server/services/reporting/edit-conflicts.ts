/**
 * Concurrent edits: the values an editor saw (`base`) against the stored ones. A field changed since is refused with
 * 409, saying its value now and which changeset made it so (who, when).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { ErrorDetail } from '../../errors.js';
import { AppError } from '../../errors.js';
import { CHANGE_LABEL } from './changes.js';
import type { Props, Snapshot } from './snapshot.js';

/** A field of an entity as the edit names it: `name`, `aliases` or a property, with where its `base` is in the body. */
export interface EditedField {
  key: string;
  where: string;
}

/** Two stored values are the same (absent and `null` alike). */
export const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** How many of the entity's latest changesets are read to find who last changed a field. */
const HISTORY_DEPTH = 50;

/** Throws 409 naming every field whose stored value is not the one the editor saw. */
export async function refuseStale(tx: ManagedTransaction, id: string, stored: Props, base: Map<string, { field: EditedField; value: unknown }>): Promise<void> {
  const stale = [...base.values()].filter(({ field, value }) => !same(stored[field.key], value));
  if (stale.length === 0) return;
  const history = await recentStates(tx, id);
  const details: ErrorDetail[] = stale.map(({ field, value }) => {
    const now = stored[field.key] ?? null;
    const by = history.find((h) => !same(h.before?.[field.key], h.after?.[field.key]));
    const who = by ? `, changed by ${by.by} at ${by.at} (${by.id})` : '';
    return { where: field.where, message: `is now ${JSON.stringify(now)}, not ${JSON.stringify(value ?? null)} as you saw it${who}` };
  });
  throw new AppError('conflict', `${id} changed since you opened it: ${details.map((d) => `${d.where} ${d.message}`).join('; ')}. Nothing was written`, details);
}

interface PastState {
  id: string;
  by: string;
  at: string;
  before: Props | undefined;
  after: Props | undefined;
}

/** The entity's properties before and after each of its latest changesets, newest first. */
async function recentStates(tx: ManagedTransaction, id: string): Promise<PastState[]> {
  const { records } = await tx.run(
    `MATCH (c:${CHANGE_LABEL}) WHERE $id IN c.changed
     RETURN c.id AS change, c.by AS by, c.at AS at, c.before AS before, c.after AS after ORDER BY c.at DESC, c.id DESC LIMIT ${HISTORY_DEPTH}`,
    { id },
  );
  return records.map((r) => {
    const state = (json: unknown) => (JSON.parse(String(json)) as Snapshot).nodes[id]?.properties;
    return { id: r.get('change') as string, by: r.get('by') as string, at: r.get('at') as string, before: state(r.get('before')), after: state(r.get('after')) };
  });
}
