/**
 * The raw-driver baseline. The API's overhead is what it adds to the Cypher it sends: HTTP, Express, validation,
 * conversion to the wire model and JSON. So the baseline sends exactly that Cypher, with neo4j-driver alone:
 * a Database that records what a service sends (text, parameters, transaction by transaction) while passing it
 * through, and `replay`, which sends the recording again. The query-plan test EXPLAINs the same recordings, so
 * both always see what the services run.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Database, TxOptions } from '../server/db/neo4j.js';

export interface RecordedQuery {
  text: string;
  parameters: Record<string, unknown>;
}

export interface RecordedTransaction {
  mode: 'READ' | 'WRITE';
  options?: TxOptions;
  queries: RecordedQuery[];
}

export function recordingDatabase(db: Database): { db: Database; transactions: RecordedTransaction[] } {
  const transactions: RecordedTransaction[] = [];
  const wrap = (mode: 'READ' | 'WRITE') =>
    <T>(work: (tx: ManagedTransaction) => Promise<T>, options?: TxOptions): Promise<T> => {
      const recorded: RecordedTransaction = { mode, options, queries: [] };
      transactions.push(recorded);
      const run = mode === 'READ' ? db.read.bind(db) : db.write.bind(db);
      return run((tx) => {
        // A retried transaction function starts its list again.
        recorded.queries = [];
        const recording = new Proxy(tx, {
          get(target, key, receiver) {
            if (key !== 'run') return Reflect.get(target, key, receiver);
            return (text: string, parameters: Record<string, unknown> = {}) => {
              recorded.queries.push({ text, parameters });
              return target.run(text, parameters);
            };
          },
        });
        return work(recording);
      }, options);
    };
  return {
    transactions,
    db: { driver: db.driver, database: db.database, read: wrap('READ'), write: wrap('WRITE'), close: () => db.close() },
  };
}

/**
 * Sends recorded transactions again, one session and transaction function each, as the services do: `driver`
 * through neo4j-driver alone, with its defaults; `database` through the server's Database (server/db/neo4j.ts),
 * the same sessions without the driver's per-query stack capture, which the server turns off.
 */
export async function replay(db: Database, transactions: RecordedTransaction[], via: 'driver' | 'database' = 'driver'): Promise<number> {
  let rows = 0;
  for (const t of transactions) {
    const work = async (tx: ManagedTransaction) => {
      for (const q of t.queries) rows += (await tx.run(q.text, q.parameters)).records.length;
    };
    if (via === 'database') {
      await (t.mode === 'READ' ? db.read(work, t.options) : db.write(work, t.options));
      continue;
    }
    const session = db.driver.session({ database: db.database, defaultAccessMode: t.mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    const config = t.options?.timeoutMs ? { timeout: t.options.timeoutMs } : undefined;
    try {
      await (t.mode === 'READ' ? session.executeRead(work, config) : session.executeWrite(work, config));
    } finally {
      await session.close();
    }
  }
  return rows;
}

/** Each item's recording as JSON for another process; neo4j Integers (limits) stay Integers. */
export function recordingsToJson(recordings: RecordedTransaction[][]): string {
  return JSON.stringify(recordings, (_key, value: unknown) => (neo4j.isInt(value) ? { $int: value.toString() } : value));
}

export function recordingsFromJson(text: string): RecordedTransaction[][] {
  return JSON.parse(text, (_key, value: unknown) => {
    const int = (value as { $int?: unknown } | null)?.$int;
    return typeof int === 'string' ? neo4j.int(int) : value;
  }) as RecordedTransaction[][];
}
