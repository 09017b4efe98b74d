/**
 * A first load into an empty local database at the storage engine's speed (docs/performance.md "Offline first
 * load"): the rows written as the offline importer's files, the local Neo4j stopped, the files imported, Neo4j
 * started again, then the schema the app's set-up creates (ensureSchema), waited for until online.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureSchema, forgetSchema, type LoadSummary, type PreparedSeed } from '../graph-writer.js';
import { quoteName } from '../cypher-names.js';
import { runInBatches, type Database } from '../neo4j.js';
import type { Progress } from '../local-neo4j.js';
import { runAdminImport, type ImportTarget } from './admin-import.js';
import { EMPTY_LIST_LABEL, EMPTY_LISTS_PROPERTY, OfflineRows, type OfflineFiles } from './offline-rows.js';

export { OfflineUnsupportedError } from './csv-files.js';

/** Where the time went: writing the files, stopping Neo4j, the importer, starting Neo4j again, the empty lists, the schema. */
export interface OfflineSummary extends LoadSummary {
  phases: { filesMs: number; stopMs: number; importMs: number; startMs: number; emptyListsMs: number; schemaMs: number };
}

/** A local Neo4j this process runs: its files, and a way to stop it while they are rewritten. */
export interface OfflineTarget extends ImportTarget {
  whileStopped(work: () => Promise<void>): Promise<void>;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** No node at all: the importer replaces the whole database, so nothing may be there, not even a changeset. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const { records } = await db.driver.executeQuery('MATCH (n) RETURN n LIMIT 1', {}, { database: db.database });
  return records.length === 0;
}

/**
 * Loads the chunks (in order, as for loadPreparedInChunks) into the target's database, which must be empty. Throws
 * OfflineUnsupportedError before stopping anything when a value cannot go through the importer's files.
 */
export async function loadOffline(db: Database, target: OfflineTarget, chunks: Iterable<PreparedSeed> | AsyncIterable<PreparedSeed>, progress: Progress = () => {}): Promise<OfflineSummary> {
  const started = Date.now();
  const dir = await mkdtemp(path.join(tmpdir(), 'threadline-offline-'));
  try {
    progress('Writing the node and relationship files for the offline importer...');
    const rows = new OfflineRows(dir);
    for await (const chunk of chunks) rows.add(chunk);
    const files = rows.close();
    const { counts } = files;
    const written = Date.now();
    progress(`Files written in ${seconds(written - started)}. Stopping Neo4j to import ${counts.nodes} nodes, ${counts.relationships} relationships and ${counts.evidence} evidence quotes offline...`);
    let importing = 0;
    let imported = 0;
    await target.whileStopped(async () => {
      importing = Date.now();
      progress(`Neo4j stopped in ${seconds(importing - written)}. Importing...`);
      try {
        await runAdminImport(target, files, dir, progress);
        imported = Date.now();
        progress(`Imported in ${seconds(imported - importing)}. Starting Neo4j again...`);
      } catch (err) {
        // A failed import leaves the store unusable; the database was empty, so Neo4j starts again on a fresh one.
        await Promise.all(['databases', 'transactions'].map((kind) => rm(path.join(target.home, 'data', kind, 'neo4j'), { recursive: true, force: true })));
        throw err;
      }
    });
    forgetSchema(db);
    await db.driver.verifyConnectivity({ database: db.database });
    const restarted = Date.now();
    progress(`Neo4j started again in ${seconds(restarted - imported)}.`);
    await fillEmptyLists(db, files.emptyLists, progress);
    const filled = Date.now();
    progress('Creating constraints and indexes, and waiting until they are online...');
    await ensureSchema(db, files.relationshipTypes);
    await db.driver.executeQuery('CALL db.awaitIndexes(900)', {}, { database: db.database });
    const phases = {
      filesMs: written - started,
      stopMs: importing - written,
      importMs: imported - importing,
      startMs: restarted - imported,
      emptyListsMs: filled - restarted,
      schemaMs: Date.now() - filled,
    };
    progress(`Schema online in ${seconds(phases.schemaMs)}.`);
    return { nodes: counts.nodes, edges: counts.relationships, evidence: counts.evidence, ms: Date.now() - started, phases };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The importer stores no empty list: those the rows had are set now, from the marks left on their elements: a label
 * per list on nodes (a `_emptyLists` property read and removed on a million nodes took longer than the label, found
 * through the label index), the names in `_emptyLists` on relationships, set and removed in one pass.
 */
async function fillEmptyLists(db: Database, empty: OfflineFiles['emptyLists'], progress: Progress): Promise<void> {
  if (!empty.nodes.length && !empty.relationships.length) return;
  progress(`Setting the empty lists (${[...new Set([...empty.nodes, ...empty.relationships])].join(', ')})...`);
  const lists = empty.relationships.map((name, i) => `r.${quoteName(name)} = CASE WHEN $names[${i}] IN r.${EMPTY_LISTS_PROPERTY} THEN [] ELSE r.${quoteName(name)} END`);
  const statements = [
    ...empty.nodes.map((name) => {
      const mark = quoteName(`${EMPTY_LIST_LABEL}${name}`);
      return { query: `MATCH (n:${mark}) CALL (n) { SET n.${quoteName(name)} = [] REMOVE n:${mark} } IN TRANSACTIONS OF 10000 ROWS`, params: {} };
    }),
    ...(lists.length
      ? [{ query: `MATCH ()-[r]->() WHERE r.${EMPTY_LISTS_PROPERTY} IS NOT NULL CALL (r) { SET ${lists.join(', ')} REMOVE r.${EMPTY_LISTS_PROPERTY} } IN TRANSACTIONS OF 10000 ROWS`, params: { names: empty.relationships } }]
      : []),
  ];
  // A million elements go in bounded transactions.
  for (const { query, params } of statements) await runInBatches(db, query, params);
}
