/**
 * The bench's database: its own local Neo4j on a free port with a throw-away data folder (as the tests do), or the
 * one NEO4J_URI names. The bench empties the database it uses, so a NEO4J_URI database must be empty already,
 * unless --clear-database says its content may go.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect, type Database } from '../server/db/neo4j.js';
import { startLocalNeo4j } from '../server/db/local-neo4j.js';
import { freePort } from '../scripts/free-port.js';

export interface BenchDatabase {
  db: Database;
  /** Where it runs, for the report: "local Neo4j 5.26 (heap 2048 MB, page cache 1024 MB)" or the URI. */
  description: string;
  /** How to reach it, for a process of its own (the cold start's server). */
  connection: { uri: string; user: string; password: string };
  /** Empties the database between sizes (schema stays). */
  clear(): Promise<void>;
  stop(): Promise<void>;
}

export interface Memory {
  heapMb: number;
  pageCacheMb: number;
}

/** Enough for the size loaded; NEO4J_HEAP_MB / NEO4J_PAGE_CACHE_MB win when set. */
export function memoryFor(nodes: number, env: NodeJS.ProcessEnv = process.env): Memory {
  const heapMb = Number(env.NEO4J_HEAP_MB) || (nodes > 300_000 ? 6144 : nodes > 30_000 ? 2048 : 1024);
  const pageCacheMb = Number(env.NEO4J_PAGE_CACHE_MB) || (nodes > 300_000 ? 4096 : nodes > 30_000 ? 1024 : 256);
  return { heapMb, pageCacheMb };
}

async function clearAll(db: Database): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    // Auto-commit, so that a million nodes go in bounded transactions.
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

export async function openBenchDatabase(memory: Memory, options: { clearDatabase?: boolean; say?: (m: string) => void } = {}): Promise<BenchDatabase> {
  const say = options.say ?? (() => {});
  const uri = process.env.NEO4J_URI;
  if (uri) {
    const connection = { uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' };
    const db = connect({ ...connection, database: process.env.NEO4J_DATABASE });
    const { records } = await db.driver.executeQuery('MATCH (n) RETURN count(n) > 0 AS busy', {}, { database: db.database });
    if (records[0]?.get('busy') && !options.clearDatabase) {
      await db.close();
      throw new Error(`The database at ${uri} is not empty. The bench deletes everything in it: pass --clear-database if that is what you want.`);
    }
    return { db, description: `Neo4j at ${uri}`, connection, clear: () => clearAll(db), stop: () => db.close() };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'threadline-bench-'));
  const neo4j = await startLocalNeo4j({ dataDir, host: '127.0.0.1', port: await freePort(), password: 'threadline-bench-password', ...memory, onProgress: say });
  const connection = { uri: neo4j.uri, user: neo4j.user, password: neo4j.password };
  const db = connect(connection);
  return {
    db,
    connection,
    description: `local Neo4j (heap ${memory.heapMb} MB, page cache ${memory.pageCacheMb} MB)`,
    clear: () => clearAll(db),
    stop: async () => {
      await db.close();
      await neo4j.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
