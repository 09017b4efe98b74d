/**
 * Reads and writes run as managed transactions (session.executeRead / executeWrite, or driver.executeQuery), so the
 * driver retries transient failures — a leader switch, a deadlock, a dropped connection — and nothing else.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/neo4j.js';
import { toAppError } from '../../server/errors.js';
import { testDb } from '../support/test-db.js';

let db: Database;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db?.close();
});

/** A driver error as the driver builds it from a server failure. */
const neo4jError = (message: string, code: string) => new Neo4jError(message, code, '50N42', 'error: general processing exception - unexpected error');

const transient = () => neo4jError('The leader changed', 'Neo.TransientError.Cluster.ReplicationFailure');

describe('transient driver errors', () => {
  it('are retried by read transactions: a work function that fails once succeeds on the second try', async () => {
    let tries = 0;
    const value = await db.read(async (tx) => {
      tries += 1;
      if (tries === 1) throw transient();
      return (await tx.run('RETURN 41 + 1 AS x')).records[0]!.get('x');
    });
    expect(value).toBe(42);
    expect(tries).toBe(2);
  });

  it('are retried by write transactions too, and a lost connection counts as transient', async () => {
    let tries = 0;
    await db.write(async (tx) => {
      tries += 1;
      if (tries < 3) throw neo4jError('Connection was closed by server', 'ServiceUnavailable');
      await tx.run('RETURN 1');
    });
    expect(tries).toBe(3);
  });

  it('are not retried when they are not transient: a client error fails at once', async () => {
    let tries = 0;
    const failing = db.read(async () => {
      tries += 1;
      throw neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError');
    });
    await expect(failing).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.SyntaxError' });
    expect(tries).toBe(1);
  });

  it('that outlast the retries answer 503 (database unavailable), not 500', () => {
    for (const code of ['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable', 'Neo.TransientError.Cluster.ReplicationFailure']) {
      expect(toAppError(neo4jError('x', code)).status, code).toBe(503);
    }
    expect(toAppError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).status).toBe(503);
    expect(toAppError(neo4jError('x', 'Neo.DatabaseError.General.UnknownError')).status).toBe(500);
  });
});

describe('the server code', () => {
  it('never opens an unmanaged transaction (session.run, beginTransaction) outside server/db/neo4j.ts', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.ts$/.test(name) && file !== path.join('server', 'db', 'neo4j.ts')) {
          if (/\bbeginTransaction\(|\bsession\.run\(|\.session\(/.test(readFileSync(file, 'utf8'))) offenders.push(file);
        }
      }
    };
    walk('server');
    walk('graph-seed');
    expect(offenders).toEqual([]);
  });
});
