/**
 * The bounds on analyst Cypher that protect the server: nesting the parser cannot take, expressions Neo4j
 * cannot interrupt, results too large to send, and how many queries run at once.
 */
import { describe, expect, it } from 'vitest';
import type { ApiError, RunResult } from '../../shared/contract/index.js';
import { DEFAULT_LIMITS } from '../../server/services/queries/cypher-runner.js';
import { startQueryApi, useSeededQueryApi } from '../support/query-api.js';

const api = useSeededQueryApi();

describe('deep nesting', () => {
  it.each([
    ['1,500 parentheses', `RETURN ${'('.repeat(1500)}1${')'.repeat(1500)} AS x`, 1500],
    ['4,000 lists', `RETURN ${'['.repeat(4000)}1${']'.repeat(4000)} AS x`, 4000],
    ['4,000 NOT', `RETURN ${'NOT '.repeat(4000)}true AS x`, 4000],
  ])('refuses %s with 400 naming the depth and the limit, before Neo4j parses it', async (_kind, query, depth) => {
    const { status, body } = await api.call<ApiError>('POST', '/api/cypher', { query });
    expect(status).toBe(400);
    expect(body.error.message).toContain(`nests ${depth} levels deep`);
    expect(body.error.message).toContain('the limit is 100');
    const saved = await api.call<ApiError>('POST', '/api/queries', { name: 'too deep', cypher: query });
    expect(saved.status).toBe(400);
  });
});

describe('long expressions', () => {
  it('refuses a range() whose size the text shows is too large', async () => {
    for (const query of ['RETURN reduce(s = 0, x IN range(1, 1000000000) | s + x) AS s', 'RETURN size(range(1, $n)) AS s']) {
      const { status, body } = await api.call<ApiError>('POST', '/api/cypher', { query, params: { n: 10_000_000_000 } });
      expect({ query, status }).toEqual({ query, status: 400 });
      expect(body.error.message).toMatch(/range\(\) at offset \d+ makes [\d,]+ values; a query may make at most 10,000,000/);
    }
  });

  it('answers 408 at the deadline for one it cannot size, keeps the slot until Neo4j is done, and serves other requests meanwhile', async () => {
    const quick = await startQueryApi(api.db, { ...DEFAULT_LIMITS, timeoutMs: 1000, perUser: 1 });
    try {
      const long = quick.call<ApiError>('POST', '/api/cypher', { query: 'WITH 200000000 AS n RETURN reduce(s = 0, x IN range(1, n) | s + x) AS s' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const meanwhile = await quick.call('GET', '/api/queries');
      expect(meanwhile.status).toBe(200);
      const second = await quick.call<ApiError>('POST', '/api/cypher', { query: 'RETURN 1 AS one' });
      expect(second.status).toBe(429);
      expect(second.body.error.message).toMatch(/limit 1 per user, QUERY_CONCURRENCY_PER_USER/);

      const { status, body } = await long;
      expect(status).toBe(408);
      expect(body.error.message).toMatch(/1 s limit/);
      // Until Neo4j has finished the expression, the slot stays taken; then queries run again.
      let after = await quick.call<RunResult>('POST', '/api/cypher', { query: 'RETURN 1 AS one' });
      while (after.status === 429) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        after = await quick.call<RunResult>('POST', '/api/cypher', { query: 'RETURN 1 AS one' });
      }
      expect(after.status).toBe(200);
    } finally {
      await quick.close();
    }
  });
});

describe('the concurrency cap', () => {
  it('answers 429 with Retry-After and a message past the total', async () => {
    const one = await startQueryApi(api.db, { ...DEFAULT_LIMITS, timeoutMs: 1000, total: 1 });
    try {
      const running = fetch(`${one.url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'WITH 100000000 AS n RETURN reduce(s = 0, x IN range(1, n) | s + x) AS s' }) });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const refused = await fetch(`${one.url}/api/queries/no-such-query/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      // An unknown saved query is looked up before a slot is taken.
      expect(refused.status).toBe(404);
      const busy = await fetch(`${one.url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'RETURN 1' }) });
      expect(busy.status).toBe(429);
      expect(busy.headers.get('retry-after')).toBe('5');
      expect(((await busy.json()) as ApiError).error.message).toMatch(/limit 1, QUERY_CONCURRENCY_TOTAL/);
      expect([200, 408]).toContain((await running).status);
    } finally {
      await one.close();
    }
  });
});

describe('large results', () => {
  it('are cut at the byte cap, say so, and the server stays healthy', async () => {
    const doubled = 'WITH reduce(s = "x", i IN range(1, 17) | s + s) AS s UNWIND range(1, 4200) AS i RETURN i, s';
    const strings = await api.call<RunResult>('POST', '/api/cypher', { query: doubled });
    expect(strings.status).toBe(200);
    expect(strings.body.summary).toMatchObject({ truncated: true, truncatedBy: 'bytes', byteCap: DEFAULT_LIMITS.byteCap });
    expect(strings.body.rows.length).toBe(Math.floor(DEFAULT_LIMITS.byteCap / (2 ** 17 + 20)));
    expect(JSON.stringify(strings.body.rows).length).toBeLessThanOrEqual(DEFAULT_LIMITS.byteCap);
    expect(strings.body.rows.at(-1)).toMatchObject({ i: strings.body.rows.length });

    const lists = await api.call<RunResult>('POST', '/api/cypher', { query: 'UNWIND range(1, 5000) AS i RETURN i, range(1, 1000) AS l' });
    expect(lists.body.summary).toMatchObject({ truncated: true, truncatedBy: 'bytes' });
    expect(JSON.stringify(lists.body.rows).length).toBeLessThanOrEqual(DEFAULT_LIMITS.byteCap);

    const health = await api.call<RunResult>('POST', '/api/cypher', { query: 'RETURN 1 AS one' });
    expect(health.body.rows).toEqual([{ one: 1 }]);
  });

  it('are cut at the row cap first when rows are small', async () => {
    const { body } = await api.call<RunResult>('POST', '/api/cypher', { query: 'UNWIND range(1, 6000) AS i RETURN i' });
    expect(body.summary).toMatchObject({ rowCount: 5000, truncated: true, truncatedBy: 'rows' });
  });
});
