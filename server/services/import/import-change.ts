/**
 * Every import is one changeset of kind `import` (docs/reporting.md "Imports"), recorded in the import's transaction.
 * What it creates is stamped with the change's id (CREATED_BY_IMPORT) rather than snapshotted, so a changeset of
 * 100,000 new entities stays small; only the elements it merges into keep their state before, to be put back.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Change } from '../../../shared/contract/reporting.js';
import { ensureSchema, MissingEndsError, writeRows, type PreparedSeed } from '../../db/graph-writer.js';
import type { Database } from '../../db/neo4j.js';
import { AppError } from '../../errors.js';
import { ensureReportingSchema, newChangeId, recordChange } from '../reporting/changes.js';
import { takeSnapshot, touchedIds, touchedOf, type Snapshot, type Touched } from '../reporting/snapshot.js';
import { describeChanges, type Changes } from './changes.js';

/** What the changeset says of the import: its file (or dataset) and who. */
export interface ImportMeta { name: string; by: string }

export class ImportChange {
  readonly id = newChangeId();
  private readonly before: Snapshot = { nodes: {}, edges: {}, evidence: {} };
  /** Ids of the entities the import wrote, created or merged into (the duplicates count looks at them). */
  readonly nodeIds = new Set<string>();

  constructor(private readonly tx: ManagedTransaction) {}

  /** Writes one checked chunk, after keeping the state of what it merges into (the first time each is merged into). */
  async write(prepared: PreparedSeed, merged: Touched): Promise<void> {
    const fresh = (ids: string[], kept: Record<string, unknown>) => ids.filter((id) => !(id in kept));
    const snapshot = await takeSnapshot(this.tx, {
      nodes: fresh(merged.nodes, this.before.nodes),
      edges: fresh(merged.edges, this.before.edges),
      evidence: fresh(merged.evidence, this.before.evidence),
    });
    Object.assign(this.before.nodes, snapshot.nodes);
    Object.assign(this.before.edges, snapshot.edges);
    Object.assign(this.before.evidence, snapshot.evidence);
    for (const node of prepared.nodes) this.nodeIds.add(node.id);
    await writeRows(this.tx, prepared, this.id);
  }

  /** The `_Change` node, once every chunk is written: "Imported donations.ijson: nodes: 95 created, …". */
  async record(meta: ImportMeta, changes: Changes): Promise<Change> {
    const touched = touchedOf(this.before);
    const after = await takeSnapshot(this.tx, touched);
    const summary = `Imported ${meta.name}: ${describeChanges(changes)}`;
    return recordChange(this.tx, this.id, meta.by, { kind: 'import', summary }, touchedIds(touched), this.before, after);
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
      const change = new ImportChange(tx);
      await change.write(prepared, checked.merged);
      return { change: await change.record(meta, checked.changes), nodeIds: change.nodeIds };
    });
  } catch (err) {
    if (!(err instanceof MissingEndsError)) throw err;
    throw new AppError('conflict', `The graph changed while importing: ${err.message}. Nothing was written; import the ${meta.what} again.`, [{ where: 'body', message: err.message }]);
  }
}
