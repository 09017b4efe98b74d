/**
 * Faults, for real: a local Neo4j stopped while the API is in use (503, then 200 again by itself), and an import
 * killed with SIGKILL in the middle of its write (the graph afterwards is exactly as before).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSeedFiles, loadSeedFiles } from '../../server/services/seed/shipped-seeds.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../server/db/local-neo4j.js';
import { connect, type Database } from '../../server/db/neo4j.js';
import { writeBigSeed } from '../support/big-seed.js';
import { call } from '../support/auth.js';
import { freePort } from '../../scripts/free-port.js';
import { startTestServer, type TestServer } from '../support/test-app.js';
import { counts } from '../support/test-db.js';

let dataDir: string;
let options: Parameters<typeof startLocalNeo4j>[0];
let neo4j: LocalNeo4j;
let db: Database;
let server: TestServer;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'threadline-faults-'));
  options = { dataDir, host: '127.0.0.1', port: await freePort(), pageCacheMb: 64, heapMb: 768, password: 'faults-test-password' };
  neo4j = await startLocalNeo4j(options);
  db = connect({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  await loadSeedFiles(db, defaultSeedFiles());
  server = await startTestServer(db);
});

afterAll(async () => {
  await server?.close();
  await db?.close();
  await neo4j?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('Neo4j stops while the app is in use', () => {
  it('answers 503 with a clear message, then 200 again once Neo4j is back, without a restart', { timeout: 240_000 }, async () => {
    const search = `${server.url}/api/search?q=rubio`;
    expect((await call(search)).status).toBe(200);

    await neo4j.stop();
    const started = Date.now();
    for (const url of [search, `${server.url}/api/nodes/person%3Amarco-rubio`, `${server.url}/api/schema`]) {
      const down = await call<{ error: { code: string; message: string } }>(url);
      expect(down.status, url).toBe(503);
      expect(down.body.error.code).toBe('database_unavailable');
      expect(down.body.error.message).toMatch(/database is unreachable/);
      expect(down.headers.get('retry-after')).toBe('5');
    }
    expect(Date.now() - started).toBeLessThan(60_000);
    const health = await call<{ status: string }>(`${server.url}/api/health`);
    expect([health.status, health.body.status]).toEqual([503, 'degraded']);

    neo4j = await startLocalNeo4j(options);
    const up = await call<{ hits: unknown[] }>(search);
    expect(up.status).toBe(200);
    expect(up.body.hits.length).toBeGreaterThan(0);
  });
});

describe('an import killed with SIGKILL mid-write', () => {
  it('leaves the graph exactly as it was, also after Neo4j restarts', { timeout: 300_000 }, async () => {
    const before = await counts(db);
    const dir = await mkdtemp(path.join(tmpdir(), 'threadline-big-seed-'));
    const file = writeBigSeed(dir, 40_000);
    const child = spawn(process.execPath, ['--import', 'tsx', 'graph-seed/cli.ts', file], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password },
    });
    let output = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the import never started writing:\n${output}`)), 120_000);
      const onData = (chunk: Buffer) => {
        output += chunk;
        if (/in one transaction/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
    });
    // Let it write for a while: the transaction holds thousands of uncommitted nodes when it dies.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(child.exitCode).toBeNull();
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(output).not.toMatch(/Loaded \d+ nodes/);

    expect(await counts(db)).toEqual(before);
    await neo4j.stop();
    neo4j = await startLocalNeo4j(options);
    expect(await counts(db)).toEqual(before);
    await rm(dir, { recursive: true, force: true });
  });
});
