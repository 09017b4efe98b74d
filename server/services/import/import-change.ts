/**
 * Every import is one changeset of kind `import` (docs/reporting.md "Imports"), recorded in the import's transaction.
 * What it creates is stamped with the change's id (CREATED_BY_IMPORT) rather than snapshotted, so a changeset of
 * 100,000 new entities stays small; only the elements it merges into keep their state before, to be put back.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Change } from '../../../shared/contract/reporting.js';
import { CREATED_BY_IMPORT } from '../../../shared/model/graph-model.js';
import { ensureSchema, MissingEndsError, writeRows, type PreparedSeed } from '../../db/graph-writer.js';
import type { Database } from '../../db/neo4j.js';
import { AppError } from '../../errors.js';
import { ensureReportingSchema, newChangeId, recordChange } from '../reporting/changes.js';
import { takeSnapshot, touchedIds, touchedOf, type Props, type Snapshot, type Touched } from '../reporting/snapshot.js';
import { describeChanges, type Changes } from './changes.js';

/** What the changeset says of the import: its file (or dataset) and who. */
export interface ImportMeta { name: string; by: string }

export class ImportChange {
  readonly id = newChangeId();
  private readonly before: Snapshot = { nodes: {}, edges: {}, evidence: {} };
  /** Ids of the entities the import wrote, created or merged into (the duplicates count looks at them). */
  readonly nodeIds = new Set<string>();

  /**
   * Writes one checked chunk in `tx`, stamped with the change's id. Returns the state before of what it merges into
   * for the first time, to `keep` once `tx` has committed (a transaction run again must not find it kept).
   */
  async write(tx: ManagedTransaction, prepared: PreparedSeed, merged: Touched): Promise<Snapshot> {
    const fresh = (ids: string[], kept: Record<string, unknown>) => ids.filter((id) => !(id in kept));
    const snapshot = await takeSnapshot(tx, {
      nodes: fresh(merged.nodes, this.before.nodes),
      edges: fresh(merged.edges, this.before.edges),
      evidence: fresh(merged.evidence, this.before.evidence),
    });
    await writeRows(tx, prepared, this.id);
    return this.withoutOwn(snapshot);
  }

  /** What an earlier chunk of this import created is no state before: undoing the import deletes it. */
  private withoutOwn(snapshot: Snapshot): Snapshot {
    const own = (properties: Props | undefined) => properties?.[CREATED_BY_IMPORT] === this.id;
    const keep = <T>(states: Record<string, T | null>, props: (state: T) => Props) =>
      Object.fromEntries(Object.entries(states).filter(([, state]) => !(state && own(props(state)))));
    return {
      ...snapshot,
      nodes: keep(snapshot.nodes, (n) => n.properties),
      edges: keep(snapshot.edges, (e) => e.properties),
      evidence: keep(snapshot.evidence, (e) => e),
    };
  }

  keep(written: Snapshot, prepared: PreparedSeed): void {
    Object.assign(this.before.nodes, written.nodes);
    Object.assign(this.before.edges, written.edges);
    Object.assign(this.before.evidence, written.evidence);
    for (const node of prepared.nodes) this.nodeIds.add(node.id);
  }

  /** The `_Change` node, once every chunk is written: "Imported donations.ijson: nodes: 95 created, …". */
  async record(tx: ManagedTransaction, meta: ImportMeta, changes: Changes): Promise<Change> {
    const touched = touchedOf(this.before);
    const after = await takeSnapshot(tx, touched);
    const summary = `Imported ${meta.name}: ${describeChanges(changes)}`;
    return recordChange(tx, this.id, meta.by, { kind: 'import', summary, counts: changes }, touchedIds(touched), this.before, after);
  }

  /** Writes a chunk and keeps its state before at once: for an import in one transaction, whose retry keeps it again. */
  async writeInOne(tx: ManagedTransaction, prepared: PreparedSeed, merged: Touched): Promise<void> {
    this.keep(await this.write(tx, prepared, merged), prepared);
  }
}

export interface WrittenImport { change: Change; nodeIds: Set<string> }

/**
 * A checked import written in one transaction with its changeset. A node its relationships need that was deleted
 * since the checks is a 409 that writes nothing (`what`: "file", "sheet").
 */
export async function writeImport(db: Database, prepared: PreparedSeed, checked: { changes: Changes; merged: Touched }, meta: ImportMeta & { what: string }): Promise<WrittenImport> {
  await ensureReportingSchema(db);
  await ensureSchema(db, [...new Set(prepared.edges.map((e) => e.type))]);
  try {
    return await db.write(async (tx) => {
      const change = new ImportChange();
      await change.writeInOne(tx, prepared, checked.merged);
      return { change: await change.record(tx, meta, checked.changes), nodeIds: change.nodeIds };
    });
  } catch (err) {
    if (!(err instanceof MissingEndsError)) throw err;
    throw new AppError('conflict', `The graph changed while importing: ${err.message}. Nothing was written; import the ${meta.what} again.`, [{ where: 'body', message: err.message }]);
  }
}
