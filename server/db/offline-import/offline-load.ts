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
import { EMPTY_LISTS_PROPERTY, OfflineRows, type OfflineFiles } from './offline-rows.js';
import { ENTITY_LABEL, EVIDENCE_LABEL } from '../../../shared/model/graph-model.js';

export { OfflineUnsupportedError } from './csv-files.js';

/** Where the time went: writing the files, Neo4j stopped, importing and started again, then empty lists and schema. */
export interface OfflineSummary extends LoadSummary { phases: { filesMs: number; importMs: number; schemaMs: number } }

/** A local Neo4j this process runs: its files, and a way to stop it while they are rewritten. */
export interface OfflineTarget extends ImportTarget {
  whileStopped(work: () => Promise<void>): Promise<void>;
}

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
    progress(`Stopping Neo4j to import ${counts.nodes} nodes, ${counts.relationships} relationships and ${counts.evidence} evidence quotes offline...`);
    await target.whileStopped(async () => {
      try {
        await runAdminImport(target, files, dir, progress);
      } catch (err) {
        // A failed import leaves the store unusable; the database was empty, so Neo4j starts again on a fresh one.
        await Promise.all(['databases', 'transactions'].map((kind) => rm(path.join(target.home, 'data', kind, 'neo4j'), { recursive: true, force: true })));
        throw err;
      }
    });
    const imported = Date.now();
    forgetSchema(db);
    await db.driver.verifyConnectivity({ database: db.database });
    await fillEmptyLists(db, files.emptyLists, progress);
    progress('Creating constraints and indexes, and waiting until they are online...');
    await ensureSchema(db, files.relationshipTypes);
    await db.driver.executeQuery('CALL db.awaitIndexes(900)', {}, { database: db.database });
    const phases = { filesMs: written - started, importMs: imported - written, schemaMs: Date.now() - imported };
    return { nodes: counts.nodes, edges: counts.relationships, evidence: counts.evidence, ms: Date.now() - started, phases };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The importer stores no empty list: those the rows had are set now, from the names left on their elements, in one
 * pass over each kind of element that has some (a mark as a label cost a second write per node, in the label index),
 * in bounded transactions, two at a time.
 */
async function fillEmptyLists(db: Database, empty: OfflineFiles['emptyLists'], progress: Progress): Promise<void> {
  const names = new Set([...empty.entities, ...empty.evidence, ...empty.relationships]);
  if (!names.size) return;
  progress(`Setting the empty lists (${[...names].join(', ')})...`);
  const fill = (pattern: string, listNames: string[]) => {
    const lists = listNames.map((name, i) => `e.${quoteName(name)} = CASE WHEN $names[${i}] IN e.${EMPTY_LISTS_PROPERTY} THEN [] ELSE e.${quoteName(name)} END`);
    const query = `MATCH ${pattern} WHERE e.${EMPTY_LISTS_PROPERTY} IS NOT NULL CALL (e) { SET ${lists.join(', ')} REMOVE e.${EMPTY_LISTS_PROPERTY} } IN 2 CONCURRENT TRANSACTIONS OF 10000 ROWS`;
    return runInBatches(db, query, { names: listNames });
  };
  if (empty.entities.length) await fill(`(e:${ENTITY_LABEL})`, empty.entities);
  if (empty.evidence.length) await fill(`(e:${EVIDENCE_LABEL})`, empty.evidence);
  if (empty.relationships.length) await fill('()-[e]->()', empty.relationships);
}
