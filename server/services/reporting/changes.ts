/**
 * Changesets: every reporting write records one `:_Change` node in the same transaction (who, when, what in words,
 * the ids it touched, and the touched elements' state before and after, as JSON), so it can be listed and reverted.
 */
import { randomBytes } from 'node:crypto';
import { int, type ManagedTransaction, type Node } from 'neo4j-driver';
import type { Graph } from '../../../shared/contract/graph.js';
import type { z } from 'zod';
import { ImportCountsSchema, type Change, type ChangeList, type ChangeListQuerySchema, type ImportCounts } from '../../../shared/contract/reporting.js';
import { CREATED_BY_IMPORT, ENTITY_LABEL, EVIDENCE_LABEL, REDIRECT_LABEL } from '../../../shared/model/graph-model.js';
import type { Database } from '../../db/neo4j.js';
import { GraphCollector, stringList } from '../../db/to-graph.js';
import { AppError } from '../../errors.js';
import { findEdges } from '../edge-lookup.js';
import { deleteImported, importRevertBlocker } from './import-revert.js';
import { restoreSnapshot, takeSnapshot, touchedIds, touchedOf, type Snapshot, type Touched } from './snapshot.js';

export const CHANGE_LABEL = '_Change';

const ensured = new WeakSet<Database>();
/**
 * The changesets' id constraint, the index of quotes by source, of what each import created (its revert finds them
 * by it) and of redirects by where they lead (imports look survivors up); once per connection, safe to run again.
 */
export async function ensureReportingSchema(db: Database): Promise<void> {
  if (ensured.has(db)) return;
  for (const statement of [
    `CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:${CHANGE_LABEL}) REQUIRE c.id IS UNIQUE`,
    `CREATE INDEX evidence_source IF NOT EXISTS FOR (e:${EVIDENCE_LABEL}) ON (e.sourceId)`,
    `CREATE INDEX entity_created_by_import IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.${CREATED_BY_IMPORT})`,
    `CREATE INDEX evidence_created_by_import IF NOT EXISTS FOR (e:${EVIDENCE_LABEL}) ON (e.${CREATED_BY_IMPORT})`,
    `CREATE INDEX redirect_to IF NOT EXISTS FOR (r:${REDIRECT_LABEL}) ON (r.to)`,
  ]) {
    await db.driver.executeQuery(statement, {}, { database: db.database });
  }
  ensured.add(db);
}

export interface ChangeMeta {
  kind: Change['kind'];
  summary: string;
  note?: string | null;
  /** Ids to find the change by besides the ones it changed (a claim's subject and object, its source). */
  related?: string[];
  reverts?: string;
  /** Entity ids a new entity was created despite (allowDuplicates), kept as they were offered. */
  createdDespite?: string[];
  /** An import's counts. */
  counts?: ImportCounts;
}

/**
 * Runs `apply` inside `tx` between two snapshots of `touched`, and records the changeset. Returns it with the
 * touched nodes and edges as they are after (edges with their end nodes).
 */
export async function writeChange(tx: ManagedTransaction, by: string, touched: Touched, meta: ChangeMeta, apply: () => Promise<void>): Promise<{ change: Change; graph: Graph }> {
  const before = await takeSnapshot(tx, touched);
  await apply();
  const after = await takeSnapshot(tx, touched);
  const change = await recordChange(tx, newChangeId(), by, meta, touchedIds(touched), before, after);
  return { change, graph: await writtenGraph(tx, touched) };
}

export const newChangeId = () => `change:${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;

/** Creates the `_Change` node: `changed` are the ids whose states `before` and `after` hold. */
export async function recordChange(tx: ManagedTransaction, id: string, by: string, meta: ChangeMeta, changed: string[], before: Snapshot, after: Snapshot): Promise<Change> {
  const result = await tx.run(
    `CREATE (c:${CHANGE_LABEL} {id: $id, kind: $kind, by: $by, at: $at, summary: $summary, note: $note, targets: $targets, changed: $changed,
       before: $before, after: $after, reverts: $reverts, revertedBy: null, createdDespite: $createdDespite, counts: $counts})
     RETURN c`,
    {
      id,
      kind: meta.kind,
      by,
      at: new Date().toISOString(),
      summary: meta.summary,
      note: meta.note ?? null,
      targets: [...new Set([...changed, ...(meta.related ?? [])])],
      changed,
      before: JSON.stringify(before),
      after: JSON.stringify(after),
      reverts: meta.reverts ?? null,
      createdDespite: meta.createdDespite ?? [],
      // Neo4j properties hold no maps, so the counts are kept as JSON like the before- and after-states.
      counts: meta.counts ? JSON.stringify(meta.counts) : null,
    },
  );
  return toChange(result.records[0]!.get('c') as Node);
}

async function writtenGraph(tx: ManagedTransaction, touched: Touched): Promise<Graph> {
  const nodes = await tx.run(`MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids RETURN n`, { ids: touched.nodes });
  const edges = await findEdges(tx, touched.edges);
  return new GraphCollector()
    .add(nodes.records.map((r) => r.get('n')))
    .add(edges.map((e) => [e.source, e.rel, e.target]))
    .toGraph();
}

function toChange(node: Node): Change {
  const p = node.properties as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: String(p.id),
    kind: p.kind as Change['kind'],
    by: String(p.by),
    at: String(p.at),
    summary: String(p.summary),
    note: text(p.note),
    targets: stringList(p.targets),
    revertedBy: text(p.revertedBy),
    reverts: text(p.reverts),
    counts: typeof p.counts === 'string' ? ImportCountsSchema.parse(JSON.parse(p.counts)) : null,
  };
}

/** Newest first; `target` narrows to one id; `before` is the id of the last change of the previous page. */
export async function listChanges(db: Database, query: z.output<typeof ChangeListQuerySchema>): Promise<ChangeList> {
  const { records } = await db.read((tx) =>
    tx.run(
      `OPTIONAL MATCH (b:${CHANGE_LABEL} {id: $before})
       MATCH (c:${CHANGE_LABEL})
       WHERE ($target IS NULL OR $target IN c.targets)
         AND ($before IS NULL OR c.at < b.at OR (c.at = b.at AND c.id < b.id))
       RETURN c ORDER BY c.at DESC, c.id DESC LIMIT $limit`,
      { target: query.target ?? null, before: query.before ?? null, limit: int(query.limit + 1) },
    ),
  );
  const changes = records.map((r) => toChange(r.get('c') as Node));
  const page = changes.slice(0, query.limit);
  return { changes: page, nextBefore: changes.length > query.limit ? page[page.length - 1]!.id : null };
}

/**
 * Puts back the state before a changeset, as a new changeset. Refused when it was reverted already, or when a later
 * change, not itself undone since, touched what it changed (revert that one first).
 */
export async function revertChange(db: Database, id: string, by: string): Promise<Change> {
  await ensureReportingSchema(db);
  return db.write(async (tx) => {
    const found = await tx.run(`MATCH (c:${CHANGE_LABEL} {id: $id}) RETURN c`, { id });
    const node = found.records[0]?.get('c') as Node | undefined;
    if (!node) throw new AppError('not_found', `No change with id ${id}`);
    const original = toChange(node);
    if (original.revertedBy) throw new AppError('conflict', `Change ${id} was already reverted by ${original.revertedBy}`);
    await refuseReimport(tx, original);
    const changed = stringList(node.properties.changed);
    const blocker = original.kind === 'import' ? await importRevertBlocker(tx, id, changed, laterChanges) : (await laterChanges(tx, id, changed, 1))[0];
    if (blocker) {
      throw new AppError('conflict', `Change ${blocker.id} (${blocker.summary}) came later and touched the same elements; revert it first`, [
        { where: 'params.id', message: blocker.id },
      ]);
    }
    const before = JSON.parse(String(node.properties.before)) as Snapshot;
    const { change } = await writeChange(
      tx,
      by,
      touchedOf(before),
      { kind: 'revert', summary: `reverted: ${original.summary}`, related: original.targets, reverts: id },
      async () => {
        if (original.kind === 'import') await deleteImported(tx, id);
        await restoreSnapshot(tx, before);
      },
    );
    await tx.run(`MATCH (c:${CHANGE_LABEL} {id: $id}) SET c.revertedBy = $by`, { id, by: change.id });
    // Reverting a revert makes the change it undid current again, so it can be reverted anew.
    if (original.reverts) await tx.run(`MATCH (c:${CHANGE_LABEL} {id: $id}) SET c.revertedBy = null`, { id: original.reverts });
    return change;
  });
}

/**
 * An import's revert deletes what it created, which no snapshot holds: reverting that revert cannot make it again
 * (importing the file again does).
 */
async function refuseReimport(tx: ManagedTransaction, original: Change): Promise<void> {
  if (!original.reverts) return;
  const { records } = await tx.run(`MATCH (c:${CHANGE_LABEL} {id: $id}) RETURN c.kind AS kind`, { id: original.reverts });
  if (records[0]?.get('kind') !== 'import') return;
  throw new AppError('conflict', `Change ${original.id} undid an import, which cannot be applied again from the feed: import the file again`, [
    { where: 'params.id', message: original.reverts },
  ]);
}

export interface LaterChange { id: string; summary: string; targets: string[] }

/**
 * Later changes that still stand, oldest first, and touched one of `ids` (any ids when null). A later change undone
 * by an equally later revert nets out and blocks nothing.
 */
async function laterChanges(tx: ManagedTransaction, id: string, ids: string[] | null, limit: number): Promise<LaterChange[]> {
  const { records } = await tx.run(
    `MATCH (c:${CHANGE_LABEL} {id: $id})
     MATCH (l:${CHANGE_LABEL})
     WHERE (l.at > c.at OR (l.at = c.at AND l.id > c.id)) AND l.revertedBy IS NULL AND ($ids IS NULL OR any(t IN l.targets WHERE t IN $ids))
     OPTIONAL MATCH (undone:${CHANGE_LABEL} {id: l.reverts})
     WITH c, l, undone WHERE undone IS NULL OR undone.at < c.at OR (undone.at = c.at AND undone.id <= c.id)
     RETURN l.id AS id, l.summary AS summary, l.targets AS targets ORDER BY l.at, l.id LIMIT $limit`,
    { id, ids, limit: int(limit) },
  );
  return records.map((r) => ({ id: r.get('id') as string, summary: r.get('summary') as string, targets: stringList(r.get('targets')) }));
}

