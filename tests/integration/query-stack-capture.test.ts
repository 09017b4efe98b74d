/**
 * neo4j-driver formats a stack trace for every query (for its errors' sake); the server's Database runs queries
 * without it (docs/performance.md, "Where the time goes"), and a failed query's error still says what failed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/neo4j.js';
import { testDb } from '../support/test-db.js';

let db: Database;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db?.close();
});

const BAD_QUERY = 'RETURN nosuchfunction(1) AS x';

/** The error a query's promise rejects with (the test fails if it resolves). */
async function failureOf(query: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await query;
  } catch (err) {
    return err as Error & { code?: string };
  }
  throw new Error('the query succeeded');
}
const THIS_FILE = 'query-stack-capture.test.ts';

describe('queries through the Database', () => {
  it('capture no caller stack, where the driver alone does: its error for the same failed query names this file', async () => {
    const viaDatabase = await failureOf(db.read((tx) => tx.run(BAD_QUERY)));
    expect(viaDatabase.code).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(viaDatabase.message).toMatch(/nosuchfunction/i);
    expect(viaDatabase.stack).not.toContain(THIS_FILE);

    const session = db.driver.session({ database: db.database });
    try {
      const viaDriver = await failureOf(session.executeRead((tx) => tx.run(BAD_QUERY)));
      expect(viaDriver.stack).toContain(THIS_FILE);
    } finally {
      await session.close();
    }
  });

  it('leave Error.stackTraceLimit as it was, after a query and after one refused before it is sent', async () => {
    const limit = Error.stackTraceLimit;
    await db.read((tx) => tx.run('RETURN 1'));
    expect(Error.stackTraceLimit).toBe(limit);
    await expect(db.read((tx) => tx.run(42 as unknown as string))).rejects.toThrow();
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('x').stack).toContain(THIS_FILE);
  });
});
