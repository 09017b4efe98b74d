/**
 * Which path a seed load takes (docs/performance.md "Offline first load"): Neo4j's offline importer when the database
 * is the local one this command started and holds nothing yet; one transaction otherwise, or with `--transactional`.
 * Says which, and why.
 */
import type { Connected } from '../server/db/connect-configured.js';
import { loadPrepared } from '../server/db/graph-writer.js';
import { isDatabaseEmpty, loadOffline, OfflineUnsupportedError } from '../server/db/offline-import/offline-load.js';

export type SeedWriter = typeof loadPrepared;

export async function chooseSeedWriter(connected: Connected, options: { transactional: boolean; uriConfigured: boolean }, say: (m: string) => void): Promise<SeedWriter> {
  const { local } = connected;
  if (options.transactional) return transactional(say, '--transactional: writing through transactions.');
  if (options.uriConfigured) return transactional(say, 'NEO4J_URI names a Neo4j that Threadline does not run, so its offline importer cannot write there: writing through transactions.');
  if (!local) return transactional(say, 'The Neo4j of a running `npm start` is in use, and the offline importer would have to stop it: writing through transactions.');
  if (!(await isDatabaseEmpty(connected.db))) return transactional(say, 'The database is not empty: writing through transactions.');
  say('The database is empty: loading through Neo4j\'s offline importer (--transactional to write through transactions instead).');
  return async (db, prepared, progress) => {
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
