/**
 * What a write (one transaction, or a whole chunked load) can prove about its rows: when the database held none of a
 * kind (relationships, or Entity nodes) as the write began, a row whose key the write has not written before cannot
 * exist yet, and can be created without looking for it. Someone else writing the same key meanwhile is refused by
 * the key's uniqueness constraint (the entity id, or the relationship type's id) at commit: an error, never a copy.
 */
import { ENTITY_LABEL } from '../../shared/model/graph-model.js';
import { relationshipCount } from './cypher-names.js';
import type { Database } from './neo4j.js';

/**
 * Past this many remembered keys every further row is looked for: the keys are kept as the rows' id strings, about
 * 120 bytes each (3 million relationship ids of the bench's form: 356 MB of heap, measured), so 1 million is 120 MB.
 */
export const REMEMBERED_KEYS = 1_000_000;

export class NewRows {
  private readonly written = new Map<string, Set<string>>();
  private remembered = 0;

  constructor(
    readonly emptyBefore: boolean,
    private readonly cap = REMEMBERED_KEYS,
  ) {}

  /**
   * True when the row (its kind, e.g. the relationship type, and its id) cannot exist yet; it is then remembered as
   * written, so a second row with the same key is looked for. A transaction that fails and is run again finds its
   * rows remembered: they are looked for, which is slower, never wrong.
   */
  claim(kind: string, id: string): boolean {
    if (!this.emptyBefore || this.remembered >= this.cap) return false;
    const ids = this.written.get(kind) ?? new Set<string>();
    this.written.set(kind, ids);
    if (ids.has(id)) return false;
    ids.add(id);
    this.remembered += 1;
    return true;
  }
}

/** What a chunked load can prove new, from the database as the load begins. */
export interface NewInLoad { nodes: NewRows; edges: NewRows }

export async function newInLoad(db: Database): Promise<NewInLoad> {
  return db.read(async (tx) => {
    const { records } = await tx.run(`MATCH (n:${ENTITY_LABEL}) RETURN count(n) AS nodes`);
    const nodes = Number(records[0]?.get('nodes') ?? 0);
    return { nodes: new NewRows(nodes === 0), edges: new NewRows((await relationshipCount(tx)) === 0) };
  });
}
