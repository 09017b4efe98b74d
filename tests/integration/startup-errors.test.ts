import { spawn } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../scripts/free-port.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** Runs `server/index.ts` as `npm start` would, and returns how it ended. */
function startServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: { HOME: process.env.HOME ?? '/root', NEO4J_DATA_DIR: path.join(tmpdir(), 'threadline-startup-unused'), ...env },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const basePath = process.env.PATH ?? '';

describe('start-up errors say what to do, without a stack trace, and exit non-zero', () => {
  it('when NEO4J_URI cannot be reached', async () => {
    const port = await freePort();
    const { code, output } = await startServer({ PATH: basePath, PORT: String(await freePort()), NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'whatever-password' });
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`Cannot reach Neo4j at bolt://127.0.0.1:${port}.*Check NEO4J_URI`));
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('when the credentials are wrong', async () => {
    const { uri } = inject('neo4j');
    const { code, output } = await startServer({ PATH: basePath, PORT: String(await freePort()), NEO4J_URI: uri, NEO4J_PASSWORD: 'not-the-password' });
    expect(code).toBe(1);
    expect(output).toContain('rejected the credentials. Check NEO4J_USER and NEO4J_PASSWORD.');
  });

  it('when the web port is taken', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)));
    cleanups.push(() => new Promise((r) => blocker.close(r)));
    const { code, output } = await startServer({ PATH: basePath, PORT: String(port) });
    expect(code).toBe(1);
    expect(output).toContain(`Port ${port} on 127.0.0.1 is already in use. Stop what uses it, or set PORT to another port.`);
  });

  it('when the Bolt port is taken', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)));
    cleanups.push(() => new Promise((r) => blocker.close(r)));
    const { code, output } = await startServer({ PATH: basePath, PORT: String(await freePort()), NEO4J_BOLT_PORT: String(port) });
    expect(code).toBe(1);
    expect(output).toContain(`Port ${port} on 127.0.0.1 is already in use. Stop what uses it, or set NEO4J_BOLT_PORT to another port.`);
  });

  it('when Java is missing', async () => {
    const bin = await mkdtemp(path.join(tmpdir(), 'threadline-nojava-'));
    cleanups.push(() => rm(bin, { recursive: true, force: true }));
    await symlink(process.execPath, path.join(bin, 'node'));
    const { code, output } = await startServer({ PATH: bin, PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(output).toContain('Java 17 or newer is needed to run the local Neo4j, and no "java" was found on PATH.');
    expect(output).toContain('Alternatively, set NEO4J_URI');
  });

  it('when logins are on with NEO4J_URI and no login database is configured', async () => {
    const { uri, password } = inject('neo4j');
    const { code, output } = await startServer({ PATH: basePath, PORT: String(await freePort()), AUTH: 'on', NEO4J_URI: uri, NEO4J_PASSWORD: password });
    expect(code).toBe(1);
    expect(output).toContain('NEO4J_URI is set but AUTH_NEO4J_URI is not, so there is no login database');
    expect(output).toContain('Set AUTH_NEO4J_URI, AUTH_NEO4J_USER, AUTH_NEO4J_PASSWORD (and AUTH_NEO4J_DATABASE)');
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('when the login database is the content database, even named differently (the default database by its name)', async () => {
    const { uri, password } = inject('neo4j');
    const { code, output } = await startServer({
      PATH: basePath,
      PORT: String(await freePort()),
      HOST: '0.0.0.0',
      NEO4J_URI: uri,
      NEO4J_PASSWORD: password,
      AUTH_NEO4J_URI: uri,
      AUTH_NEO4J_PASSWORD: password,
      AUTH_NEO4J_DATABASE: 'neo4j',
    });
    expect(code).toBe(1);
    expect(output).toContain("AUTH_NEO4J_URI and AUTH_NEO4J_DATABASE name the content database itself (NEO4J_URI, NEO4J_DATABASE), where analysts' Cypher could read the logins.");
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('when a variable is invalid', async () => {
    const { code, output } = await startServer({ PATH: basePath, PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output).toMatch(/Invalid configuration:\n\s+PORT: /);
  });
});
