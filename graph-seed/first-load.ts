/**
 * Which path a seed load takes (docs/performance.md "Offline first load"): Neo4j's offline importer when the database
 * is the local one this command started, holds nothing yet and the file is big; one transaction otherwise, or with
 * `--transactional`.
 * Says which, and why.
 */
import type { Connected } from '../server/db/connect-configured.js';
import { loadPrepared } from '../server/db/graph-writer.js';
import { isDatabaseEmpty, loadOffline, OfflineUnsupportedError } from '../server/db/offline-import/offline-load.js';

export type SeedWriter = typeof loadPrepared;

/**
 * Below this many rows (nodes, relationships and quotes) a file goes through transactions even into an empty
 * database: the seed's 256 rows took 26 s offline, most of it stopping and starting Neo4j, against about 4 s through
 * transactions; the transactional path writes some 5,000 relationships a second (bench, 100k, 2026-12-02).
 */
const OFFLINE_MIN_ROWS = 50_000;

export async function chooseSeedWriter(connected: Connected, options: { transactional: boolean; uriConfigured: boolean }, say: (m: string) => void): Promise<SeedWriter> {
  const { local } = connected;
  if (options.transactional) return transactional(say, '--transactional: writing through transactions.');
  if (options.uriConfigured) return transactional(say, 'NEO4J_URI names a Neo4j that Threadline does not run, so its offline importer cannot write there: writing through transactions.');
  if (!local) return transactional(say, 'The Neo4j of a running `npm start` is in use, and the offline importer would have to stop it: writing through transactions.');
  if (!(await isDatabaseEmpty(connected.db))) return transactional(say, 'The database is not empty: writing through transactions.');
  return async (db, prepared, progress) => {
    const rows = prepared.nodes.length + prepared.edges.length + prepared.evidence.length;
    if (rows < OFFLINE_MIN_ROWS) {
      say(`The database is empty, but ${rows.toLocaleString('en')} rows load faster through transactions than by stopping Neo4j for its offline importer.`);
      return loadPrepared(db, prepared, progress);
    }
    say('The database is empty: loading through Neo4j\'s offline importer (--transactional to write through transactions instead).');
    try {
      return await loadOffline(db, local, [prepared], progress);
    } catch (err) {
      if (!(err instanceof OfflineUnsupportedError)) throw err;
      say(`The offline importer cannot take this file (${err.message}): writing through transactions.`);
      return loadPrepared(db, prepared, progress);
    }
  };
}

function transactional(say: (m: string) => void, why: string): SeedWriter {
  say(why);
  return loadPrepared;
}
