/**
 * A streamed import commits chunk by chunk, and is still all or nothing. One transaction for a whole file does not
 * scale: a 100,000-entity FtM file outgrew Neo4j's transaction memory (`dbms.memory.transaction.total.max`) at 75 %,
 * and the driver keeps every result of an open transaction until it ends (docs/performance.md "Imports").
 *
 * So each chunk is a transaction of its own. What a chunk creates carries the import's change id (CREATED_BY_IMPORT);
 * the state before of what it merges into is kept beside it in an `_ImportBefore` node, in the same transaction. A
 * failure, a bad line or a cancel then undoes the chunks written so far (`abandon`, the revert of an import), and the
 * end of the file records the one `_Change` of the import and drops the bookkeeping. An `_ImportRun` node with a
 * heartbeat marks an import under way: one left by a process that died is undone by the next streamed import
 * (`undoAbandonedImports`), whichever copy of the API runs it.
 */
import { int, type ManagedTransaction } from 'neo4j-driver';
import type { Change } from '../../../../shared/contract/reporting.js';
import type { PreparedSeed } from '../../../db/graph-writer.js';
import type { Database } from '../../../db/neo4j.js';
import { deleteImportedBatch } from '../../reporting/import-revert.js';
import { restoreSnapshot, type Snapshot, type Touched } from '../../reporting/snapshot.js';
import { AppError } from '../../../errors.js';
import { unjudgedCandidatesInvolving } from '../../dedup/open-candidates.js';
import type { Changes } from '../changes.js';
import { ImportChange, type ImportMeta } from '../import-change.js';
import { PreviewDone } from './preview-done.js';

const RUN_LABEL = '_ImportRun';
const BEFORE_LABEL = '_ImportBefore';
/** An import whose heartbeat is older than this is taken for dead (a chunk takes seconds, not minutes). */
const STALE_MS = 15 * 60_000;

/** Writes a checked chunk in the chunk's transaction, with the import's stamp. */
export type ChunkWrite = (prepared: PreparedSeed, merged: Touched) => Promise<void>;
/**
 * Runs one chunk's checks and write: `tx` reads what the chunks before wrote. The work may run again (a transient
 * error), so it changes nothing outside the transaction: it returns what the caller counts.
 */
export type ChunkRunner = <T>(work: (tx: ManagedTransaction, write: ChunkWrite) => Promise<T>) => Promise<T>;
/** The passes of a streamed import over its file, chunk by chunk; the summary and the changes counted. */
export type ImportPasses<S> = (chunks: ChunkRunner) => Promise<{ summary: S; changes: Changes }>;

/** A preview: every chunk in one transaction, rolled back at the end; what the import would do, written nowhere. */
export async function previewInOneTransaction<S>(db: Database, passes: ImportPasses<S>): Promise<S> {
  try {
    await db.write(async (tx) => {
      const change = new ImportChange();
      const { summary } = await passes((work) => work(tx, (prepared, merged) => change.writeInOne(tx, prepared, merged)));
      throw new PreviewDone(summary);
    });
  } catch (err) {
    if (err instanceof PreviewDone) return err.summary as S;
    throw err;
  }
  throw new Error('a preview always rolls back');
}

/** The import itself: chunk by chunk, undone whole if any part fails; its changeset and the duplicates it brought. */
export async function importInChunks<S>(db: Database, meta: ImportMeta, passes: ImportPasses<S>): Promise<S & { change: string; possibleDuplicates: number }> {
  const run = await ChunkedImport.begin(db, meta);
  let done: Awaited<ReturnType<ImportPasses<S>>>;
  try {
    done = await passes((work) => run.chunk(work));
  } catch (err) {
    await run.abandon().catch((undoErr: unknown) => {
      throw new AppError(
        'database_unavailable',
        `The import stopped (${(err as Error).message}) and undoing what it wrote failed too (${(undoErr as Error).message}); the next import undoes it, or import again once Neo4j answers.`,
      );
    });
    throw err;
  }
  const change = await run.finish(meta, done.changes);
  return { ...done.summary, change: change.id, possibleDuplicates: await unjudgedCandidatesInvolving(db, run.nodeIds) };
}

export class ChunkedImport {
  private readonly change = new ImportChange();

  private constructor(private readonly db: Database) {}

  get id(): string {
    return this.change.id;
  }

  /** Ids of the entities written (for the duplicates count). */
  get nodeIds(): ReadonlySet<string> {
    return this.change.nodeIds;
  }

  static async begin(db: Database, meta: ImportMeta): Promise<ChunkedImport> {
    await undoAbandonedImports(db);
    const run = new ChunkedImport(db);
    await db.write((tx) => tx.run(`CREATE (:${RUN_LABEL} {id: $id, by: $by, name: $name, heartbeatAt: timestamp()})`, { id: run.id, ...meta }));
    return run;
  }

  /** One chunk: its checks and its write in one transaction, which also keeps the state before and beats the heart. */
  async chunk<T>(work: (tx: ManagedTransaction, write: ChunkWrite) => Promise<T>): Promise<T> {
    const written: [Snapshot, PreparedSeed][] = [];
    const result = await this.db.write(async (tx) => {
      written.length = 0;
      const result = await work(tx, async (prepared, merged) => {
        const before = await this.change.write(tx, prepared, merged);
        written.push([before, prepared]);
        if (isEmpty(before)) return;
        await tx.run(`CREATE (:${BEFORE_LABEL} {change: $id, before: $before})`, { id: this.id, before: JSON.stringify(before) });
      });
      await tx.run(`MATCH (r:${RUN_LABEL} {id: $id}) SET r.heartbeatAt = timestamp()`, { id: this.id });
      return result;
    });
    for (const [before, prepared] of written) this.change.keep(before, prepared);
    return result;
  }

  /** The import's `_Change`, once every chunk is in; the bookkeeping goes. */
  finish(meta: ImportMeta, changes: Changes): Promise<Change> {
    return this.db.write(async (tx) => {
      const change = await this.change.record(tx, meta, changes);
      await dropBookkeeping(tx, this.id);
      return change;
    });
  }

  /** Undoes every chunk written: the graph is as it was before the import. */
  abandon(): Promise<void> {
    return undoImport(this.db, this.id);
  }
}

const isEmpty = (s: Snapshot) => !Object.keys(s.nodes).length && !Object.keys(s.edges).length && !Object.keys(s.evidence).length;

/**
 * Deletes what the import created, a transaction per batch (it may be as big as the import), then puts back what it
 * merged into from its `_ImportBefore` nodes. Safe to run again if it stops half-way: the `_ImportRun` stays until the end.
 */
async function undoImport(db: Database, id: string): Promise<void> {
  while ((await db.write((tx) => deleteImportedBatch(tx, id))) > 0);
  await db.write(async (tx) => {
    const { records } = await tx.run(`MATCH (b:${BEFORE_LABEL} {change: $id}) RETURN b.before AS before`, { id });
    for (const record of records) await restoreSnapshot(tx, JSON.parse(String(record.get('before'))) as Snapshot);
    await dropBookkeeping(tx, id);
  });
}

async function dropBookkeeping(tx: ManagedTransaction, id: string): Promise<void> {
  await tx.run(`MATCH (b:${BEFORE_LABEL} {change: $id}) DELETE b`, { id });
  await tx.run(`MATCH (r:${RUN_LABEL} {id: $id}) DELETE r`, { id });
}

/** Imports whose process died mid-way (no heartbeat for STALE_MS) are undone. */
export async function undoAbandonedImports(db: Database): Promise<string[]> {
  const { records } = await db.driver.executeQuery(
    `MATCH (r:${RUN_LABEL}) WHERE r.heartbeatAt < timestamp() - $stale RETURN r.id AS id`,
    { stale: int(STALE_MS) },
    { database: db.database, routing: 'WRITE' },
  );
  const ids = records.map((r) => r.get('id') as string);
  for (const id of ids) await undoImport(db, id);
  return ids;
}
