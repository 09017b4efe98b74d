import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { SetupError } from '../setup-error.js';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export interface TxOptions {
  timeoutMs?: number;
}

/** The only handle services get on Neo4j: sessions are opened and closed here, in every path. */
export interface Database {
  readonly driver: Driver;
  readonly database: string | undefined;
  read<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: TxOptions): Promise<T>;
  write<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: TxOptions): Promise<T>;
  close(): Promise<void>;
}

export function connect(connection: Neo4jConnection): Database {
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    disableLosslessIntegers: true,
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
    maxTransactionRetryTime: 5_000,
    logging: { level: 'error', logger: () => {} },
  });
  const database = connection.database;

  async function inSession<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>, options?: TxOptions) {
    const session = driver.session({ database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    const config = options?.timeoutMs ? { timeout: options.timeoutMs } : undefined;
    try {
      const run = (tx: ManagedTransaction) => work(withoutStackCapture(tx));
      return mode === 'READ' ? await session.executeRead(run, config) : await session.executeWrite(run, config);
    } finally {
      await session.close();
    }
  }

  return {
    driver,
    database,
    read: (work, options) => inSession('READ', work, options),
    write: (work, options) => inSession('WRITE', work, options),
    close: () => driver.close(),
  };
}

/**
 * neo4j-driver formats a stack trace for every query it runs (`new Error('').stack` in its Result), to give a failed
 * query's error the caller's frames: tens of microseconds a query under plain Node, over 200 µs through tsx's source
 * maps, paid on every request (docs/performance.md, "Where the time goes"). Queries run here without it: their
 * errors keep the server's message and code, which is what errors.ts maps and the logs show.
 */
function withoutStackCapture(tx: ManagedTransaction): ManagedTransaction {
  const bare = Object.create(tx) as ManagedTransaction;
  bare.run = ((query, parameters) => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return tx.run(query, parameters);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }) as ManagedTransaction['run'];
  return bare;
}

/**
 * Runs one `CALL { … } IN TRANSACTIONS` statement, which commits batch by batch and so cannot run in a managed
 * transaction (read/write): an auto-commit query, the only one the server sends.
 */
export async function runInBatches(db: Database, query: string, params: Record<string, unknown> = {}): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    await session.run(query, params);
  } finally {
    await session.close();
  }
}

/** Checks the server answers with these credentials, turning driver errors into advice naming the variables to fix. */
export async function verifyConnection(db: Database, uri: string, variables: 'NEO4J' | 'AUTH_NEO4J' = 'NEO4J'): Promise<{ version: string }> {
  try {
    const info = await db.driver.getServerInfo({ database: db.database });
    return { version: (info.agent ?? '').replace(/^Neo4j\//, '') };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === 'Neo.ClientError.Security.Unauthorized') {
      throw new SetupError(`Neo4j at ${uri} rejected the credentials. Check ${variables}_USER and ${variables}_PASSWORD.`);
    }
    if (e.code === 'Neo.ClientError.Database.DatabaseNotFound') {
      throw new SetupError(`Neo4j at ${uri} has no database named "${db.database}". Check ${variables}_DATABASE.`);
    }
    throw new SetupError(`Cannot reach Neo4j at ${uri}: ${e.message ?? String(err)}. Check ${variables}_URI and that the server is running.`);
  }
}
