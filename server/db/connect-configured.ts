import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Config } from '../config.js';
import { connect, verifyConnection, type Database } from './neo4j.js';
import { startLocalNeo4j, type Progress } from './local-neo4j.js';

export interface Connected {
  db: Database;
  uri: string;
  /** Stops what this call started (the driver, and the local Neo4j if it started one). */
  close(): Promise<void>;
}

/**
 * The Neo4j the configuration names: NEO4J_URI when set; otherwise the project's local Neo4j,
 * started here, or (with `attach`, for command-line tools) the one a running `npm start` already serves.
 */
export async function connectConfigured(config: Config, progress: Progress, options: { attach?: boolean } = {}): Promise<Connected> {
  if (config.NEO4J_URI) {
    const password = config.NEO4J_PASSWORD ?? '';
    return open(config.NEO4J_URI, config.NEO4J_USER, password, config.NEO4J_DATABASE, async () => {});
  }
  const host = '127.0.0.1';
  if (options.attach && (await isListening(host, config.NEO4J_BOLT_PORT))) {
    const passwordFile = path.resolve(config.NEO4J_DATA_DIR, 'neo4j-password');
    const password = config.NEO4J_PASSWORD ?? (existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : '');
    progress(`Using the Neo4j already running on bolt://${host}:${config.NEO4J_BOLT_PORT}`);
    return open(`bolt://${host}:${config.NEO4J_BOLT_PORT}`, 'neo4j', password, undefined, async () => {});
  }
  const local = await startLocalNeo4j({
    dataDir: config.NEO4J_DATA_DIR,
    host,
    port: config.NEO4J_BOLT_PORT,
    pageCacheMb: config.NEO4J_PAGE_CACHE_MB,
    heapMb: config.NEO4J_HEAP_MB,
    password: config.NEO4J_PASSWORD,
    onProgress: progress,
  });
  try {
    return await open(local.uri, local.user, local.password, undefined, () => local.stop());
  } catch (err) {
    await local.stop();
    throw err;
  }
}

async function open(uri: string, user: string, password: string, database: string | undefined, stop: () => Promise<void>): Promise<Connected> {
  const db = connect({ uri, user, password, database });
  try {
    await verifyConnection(db, uri);
  } catch (err) {
    await db.close();
    throw err;
  }
  return {
    db,
    uri,
    close: async () => {
      await db.close();
      await stop();
    },
  };
}

function isListening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
