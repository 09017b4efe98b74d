import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Config } from '../config.js';
import { SetupError } from '../setup-error.js';
import { connect, verifyConnection, type Database, type Neo4jConnection } from './neo4j.js';
import { LOGIN_PASSWORD_FILE, PASSWORD_FILE, startLocalNeo4j, type LocalNeo4j, type Progress } from './local-neo4j.js';

export interface Connected {
  /** The content graph: the only database analysts' Cypher runs on. */
  db: Database;
  /** Users, sessions and API tokens, in a database of their own; only when asked for and there is one. */
  loginDb?: Database;
  uri: string;
  /** The local Neo4j, when this call started it (not when it attached to a running `npm start`, nor with NEO4J_URI). */
  local?: LocalNeo4j;
  /** Stops what this call started (the drivers, and the local Neo4j if it started one). */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** For command-line tools: use the Neo4j a running `npm start` serves, when there is one. */
  attach?: boolean;
  /** `required`: refuse without a login database; `if-configured`: open it when there is one; unset: leave it closed. */
  logins?: 'required' | 'if-configured';
}

const HOST = '127.0.0.1';

export const NO_LOGIN_DATABASE =
  'NEO4J_URI is set but AUTH_NEO4J_URI is not, so there is no login database for users, sessions and API tokens. ' +
  'Set AUTH_NEO4J_URI, AUTH_NEO4J_USER, AUTH_NEO4J_PASSWORD (and AUTH_NEO4J_DATABASE) to a database other than the ' +
  'content one (another server, or another database on an Enterprise server), then start again.';

/**
 * The Neo4j the configuration names: NEO4J_URI when set; otherwise the project's local Neo4j, started here, or
 * (with `attach`) the one a running `npm start` already serves. The login database is AUTH_NEO4J_URI when set;
 * otherwise, without NEO4J_URI, the local Neo4j's second database service.
 */
export async function connectConfigured(config: Config, progress: Progress, options: ConnectOptions & { logins: 'required' }): Promise<Connected & { loginDb: Database }>;
export async function connectConfigured(config: Config, progress: Progress, options?: ConnectOptions): Promise<Connected>;
export async function connectConfigured(config: Config, progress: Progress, options: ConnectOptions = {}): Promise<Connected> {
  const { content, login, local, stop } = await endpoints(config, progress, options);
  const closers = [stop];
  const closeAll = async () => {
    for (const close of closers) await close();
  };
  try {
    const db = await open(content, 'NEO4J');
    closers.unshift(() => db.close());
    const loginDb = login && (await open(login, 'AUTH_NEO4J'));
    if (loginDb) {
      closers.unshift(() => loginDb.close());
      await assertSeparate(db, loginDb);
    }
    return { db, loginDb, uri: content.uri, local, close: closeAll };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

interface Endpoints {
  content: Neo4jConnection;
  login?: Neo4jConnection;
  local?: LocalNeo4j;
  stop(): Promise<void>;
}

async function endpoints(config: Config, progress: Progress, options: ConnectOptions): Promise<Endpoints> {
  const configuredLogin: Neo4jConnection | undefined = config.AUTH_NEO4J_URI
    ? { uri: config.AUTH_NEO4J_URI, user: config.AUTH_NEO4J_USER, password: config.AUTH_NEO4J_PASSWORD ?? '', database: config.AUTH_NEO4J_DATABASE }
    : undefined;
  const nothing = async () => {};
  if (config.NEO4J_URI) {
    if (options.logins === 'required' && !configuredLogin) throw new SetupError(NO_LOGIN_DATABASE);
    const content = { uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD ?? '', database: config.NEO4J_DATABASE };
    return { content, login: options.logins && configuredLogin, stop: nothing };
  }
  const localLogin = options.logins !== undefined && !configuredLogin;
  if (options.attach && (await isListening(HOST, config.NEO4J_BOLT_PORT))) {
    const content = { uri: `bolt://${HOST}:${config.NEO4J_BOLT_PORT}`, user: 'neo4j', password: config.NEO4J_PASSWORD ?? storedPassword(config, PASSWORD_FILE) };
    progress(`Using the Neo4j already running on ${content.uri}`);
    const login = localLogin ? await runningLogin(config) : options.logins && configuredLogin;
    return { content, login, stop: nothing };
  }
  const local = await startLocalNeo4j({
    dataDir: config.NEO4J_DATA_DIR,
    host: HOST,
    port: config.NEO4J_BOLT_PORT,
    pageCacheMb: config.NEO4J_PAGE_CACHE_MB,
    heapMb: config.NEO4J_HEAP_MB,
    password: config.NEO4J_PASSWORD,
    login: localLogin ? { port: config.AUTH_NEO4J_BOLT_PORT, password: config.AUTH_NEO4J_PASSWORD } : undefined,
    onProgress: progress,
  });
  return { content: local, login: local.login ?? (options.logins && configuredLogin), local, stop: () => local.stop() };
}

async function runningLogin(config: Config): Promise<Neo4jConnection> {
  const uri = `bolt://${HOST}:${config.AUTH_NEO4J_BOLT_PORT}`;
  if (!(await isListening(HOST, config.AUTH_NEO4J_BOLT_PORT))) {
    throw new SetupError(
      `The Neo4j running on bolt://${HOST}:${config.NEO4J_BOLT_PORT} has no login database on ${uri} (AUTH_NEO4J_BOLT_PORT). ` +
        'It was started by an older Threadline, or with another AUTH_NEO4J_BOLT_PORT: restart `npm start`, then try again.',
    );
  }
  return { uri, user: 'neo4j', password: config.AUTH_NEO4J_PASSWORD ?? storedPassword(config, LOGIN_PASSWORD_FILE) };
}

function storedPassword(config: Config, fileName: string): string {
  const file = path.resolve(config.NEO4J_DATA_DIR, fileName);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
}

async function open(connection: Neo4jConnection, variables: 'NEO4J' | 'AUTH_NEO4J'): Promise<Database> {
  const db = connect(connection);
  try {
    await verifyConnection(db, connection.uri, variables);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}

/** Logins in the content database could be read by analysts' Cypher: the two must be different databases, whatever the URIs say. */
async function assertSeparate(content: Database, login: Database): Promise<void> {
  const storeId = async (db: Database) => (await db.read((tx) => tx.run('CALL db.info() YIELD id RETURN id'))).records[0]?.get('id') as string;
  if ((await storeId(content)) === (await storeId(login))) {
    throw new SetupError(
      'AUTH_NEO4J_URI and AUTH_NEO4J_DATABASE name the content database itself (NEO4J_URI, NEO4J_DATABASE), where analysts\' Cypher ' +
        'could read the logins. Point them to another database or server.',
    );
  }
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
