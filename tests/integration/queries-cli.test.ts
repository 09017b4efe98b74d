import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunResult } from '../../shared/contract/index.js';
import type { Database } from '../../server/db/neo4j.js';
import { ensureStarterQueries } from '../../server/services/queries/starter-queries.js';
import { counts, resetToSeed, testDb } from '../support/test-db.js';

let db: Database;

beforeAll(async () => {
  db = testDb();
  await resetToSeed(db);
  await ensureStarterQueries(db);
});

afterAll(async () => {
  await db?.close();
});

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run query -- ...` as a script would run it, against the test Neo4j. */
function query(...args: string[]): Promise<Outcome> {
  const { uri, user, password } = inject('neo4j');
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'server/cli/query.ts', ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm run query', () => {
  it('prints a saved query, found by name, as a table', async () => {
    const { code, stdout, stderr } = await query('Who investigated whom');
    expect(stderr).toMatch(/Who investigated whom: 6 rows in \d+ ms/);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^investigator\s+action\s+subject\s+detail\s+act$/);
    expect(lines[1]).toMatch(/^-+\s+-+/);
    expect(lines).toHaveLength(8);
    expect(stdout).toMatch(/Douglas Farah\s+investigated\s+MS-13/);
  });

  it('prints CSV, found by id, with parameters', async () => {
    const { code, stdout } = await query('most-connected-nodes', '--param', 'kinds=Person', '--param', 'limit=2', '--format', 'csv');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('name,kind,connections,node');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^[^,]+,Person,\d+,person:[a-z-]+$/);
  });

  it('prints the API’s JSON result', async () => {
    const { code, stdout } = await query('Shortest path between two actors', '-p', 'from=person:marco-rubio', '-p', 'to=person:pam-bondi', '-f', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as RunResult;
    expect(result.columns).toEqual(['steps', 'via', 'hops', 'path']);
    expect(result.rows[0]).toMatchObject({ steps: expect.arrayContaining(['Marco Rubio', 'Pam Bondi']) });
    expect(result.graph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['person:marco-rubio', 'person:pam-bondi']));
  });

  it('lists the library', async () => {
    const { code, stdout } = await query('--list');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^shortest-path-between-two-actors\tShortest path between two actors\t\(from: nodeId, to: nodeId\)$/m);
  });

  it('exits non-zero with the message on a bad parameter, a missing one, an unknown query or bad usage', async () => {
    const bad = await query('Most connected nodes', '--param', 'limit=ten');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/params\.limit must be a whole number; got "ten"/);
    expect(bad.stderr).toMatch(/--param limit=\.\.\.\s+a whole number/);

    const missing = await query('Shortest path between two actors', '--param', 'from=person:marco-rubio');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/params\.to is required/);

    const unknown = await query('No such query');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No saved query named or with the id "No such query"/);

    const usage = await query('Who investigated whom', '--format', 'xml');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--format must be one of table, csv, json/);
  });

  it('applies the same checks to a query planted in the library', async () => {
    await db.driver.executeQuery(
      `CREATE (:_SavedQuery {id: 'wipe', name: 'Wipe', nameKey: 'wipe', description: '', cypher: 'MATCH (n) DETACH DELETE n',
        parameters: '[]', tags: [], author: 'mallory', createdAt: datetime(), updatedAt: datetime(), version: 1})`,
    );
    const before = await counts(db);
    const { code, stderr } = await query('wipe');
    expect(code).toBe(1);
    expect(stderr).toMatch(/would write to the graph/);
    expect(await counts(db)).toEqual(before);
  });
});
