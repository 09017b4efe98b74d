/**
 * The real process (`server/index.ts`, as `npm start` runs it): SIGTERM lets requests in flight finish, answers
 * new ones 503, stops its local Neo4j cleanly and exits promptly; and with logins required but no admin it
 * refuses to start, saying how to add one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort, freePorts } from '../../scripts/free-port.js';
import { clearLogins, testLoginDb } from '../support/test-db.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, output: () => output, exited };
}

function request(url: string, agent: http.Agent, body?: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method: body ? 'POST' : 'GET', headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('SIGTERM', () => {
  it('finishes requests in flight, answers new ones 503, stops the local Neo4j and exits promptly', { timeout: 300_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'threadline-sigterm-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const [port, boltPort, loginPort] = (await freePorts(3)) as [number, number, number];
    const server = startServer({ PORT: String(port), NEO4J_BOLT_PORT: String(boltPort), AUTH_NEO4J_BOLT_PORT: String(loginPort), NEO4J_DATA_DIR: dataDir, NEO4J_HEAP_MB: '512', NEO4J_PAGE_CACHE_MB: '64' });
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 900 && !/Threadline is running/.test(server.output()); i++) {
      if (server.child.exitCode !== null) throw new Error(server.output());
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(server.output()).toMatch(/Threadline is running/);

    const slowAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const otherAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    cleanups.push(async () => [slowAgent.destroy(), otherAgent.destroy()]);
    expect((await request(`${url}/api/health`, otherAgent)).status).toBe(200);

    const slow = request(`${url}/api/cypher`, slowAgent, { query: 'WITH 40000000 AS size UNWIND range(1, size) AS x WITH x WHERE x % 3 = 0 RETURN count(x) AS n' }).then((r) => ({ ...r, at: Date.now() }));
    await new Promise((r) => setTimeout(r, 500));
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));

    const refused = await request(`${url}/api/health`, otherAgent);
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body).error.code).toBe('shutting_down');

    const finished = await slow;
    expect(finished.status, finished.body).toBe(200);
    expect(finished.at, 'the slow query was still running at SIGTERM').toBeGreaterThan(signalled);
    expect(JSON.parse(finished.body).rows).toEqual([{ n: 13333333 }]);

    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(30_000);
    expect(server.output()).toMatch(/SIGTERM received: stopping\.\.\.[\s\S]*Stopped\./);
    expect(await listening(boltPort)).toBe(false);
    expect(await listening(loginPort)).toBe(false);
    expect(await listening(port)).toBe(false);
  });
});

describe('with logins required', () => {
  it('refuses to start until an admin exists, and says how to add one', async () => {
    const loginDb = testLoginDb();
    await clearLogins(loginDb);
    await loginDb.close();
    const { uri, user, password } = inject('neo4j');
    const login = inject('loginNeo4j');
    const server = startServer({ PORT: String(await freePort()), AUTH: 'on', NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, AUTH_NEO4J_URI: login.uri, AUTH_NEO4J_PASSWORD: login.password });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/requires logins, and no admin user exists yet[\s\S]*npm run user -- add <name> --role admin/);
    expect(server.output()).not.toMatch(/\n\s+at /);
  });
});
