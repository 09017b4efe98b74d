import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../server/db/neo4j.js';
import { findCredentials } from '../../server/auth/user-store.js';
import { verifyPassword } from '../../server/auth/password.js';
import { clearLogins, counts, testDb, testLoginDb } from '../support/test-db.js';

let loginDb: Database;
let testContent: Database;

beforeAll(async () => {
  loginDb = testLoginDb();
  testContent = testDb();
  await clearLogins(loginDb);
});

afterAll(async () => {
  await loginDb?.close();
  await testContent?.close();
});

/** The test Neo4j given with NEO4J_URI, and its login database with AUTH_NEO4J_URI. */
function remoteEnv(): Record<string, string> {
  const content = inject('neo4j');
  const login = inject('loginNeo4j');
  return { NEO4J_URI: content.uri, NEO4J_PASSWORD: content.password, AUTH_NEO4J_URI: login.uri, AUTH_NEO4J_PASSWORD: login.password };
}

/** `npm run user -- ...` with the password piped on standard input, against the test Neo4j. */
function user(args: string[], stdin = '', settings: Record<string, string> = remoteEnv()): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...settings };
  return new Promise((resolve) => {
    const child = execFile('npx', ['tsx', 'server/cli/user.ts', ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

describe('npm run user', () => {
  it('adds the first admin, lists, changes a password, and removes', async () => {
    const added = await user(['add', 'chief', '--role', 'admin'], 'the first admin password\n');
    expect(added.stderr).toMatch(/Added chief \(admin\)/);
    expect(added.code).toBe(0);
    expect(await verifyPassword('the first admin password', (await findCredentials(loginDb, 'chief'))!.passwordHash)).toBe(true);

    expect((await user(['add', 'reporter', '--role', 'viewer'], 'a reporter password\n')).code).toBe(0);
    const listed = await user(['list']);
    expect(listed.stdout).toMatch(/^chief\tadmin\t/m);
    expect(listed.stdout).toMatch(/^reporter\tviewer\t/m);
    expect(listed.stdout).not.toMatch(/scrypt/);

    expect((await user(['passwd', 'reporter'], 'a new reporter password\n')).code).toBe(0);
    const stored = (await findCredentials(loginDb, 'reporter'))!;
    expect(stored.role).toBe('viewer');
    expect(await verifyPassword('a new reporter password', stored.passwordHash)).toBe(true);

    expect((await user(['remove', 'reporter'])).code).toBe(0);
    expect(await findCredentials(loginDb, 'reporter')).toBeNull();
    const last = await user(['remove', 'chief']);
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/last admin/);
  });

  it('explains misuse: a short password, a bad role, an unknown command', async () => {
    const short = await user(['add', 'x', '--role', 'admin'], 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 10 characters/);
    expect((await user(['add', 'x', '--role', 'boss'], 'long enough password\n')).stderr).toMatch(/--role must be one of/);
    expect((await user(['frobnicate'])).code).toBe(2);
  });

  it('uses the login database of a running `npm start` (no NEO4J_URI), never the content graph', async () => {
    const content = inject('neo4j');
    const login = inject('loginNeo4j');
    const port = (uri: string) => uri.split(':').pop()!;
    const before = await counts(testContent);
    const local = {
      NEO4J_BOLT_PORT: port(content.uri),
      NEO4J_PASSWORD: content.password,
      AUTH_NEO4J_BOLT_PORT: port(login.uri),
      AUTH_NEO4J_PASSWORD: login.password,
    };
    const added = await user(['add', 'attached', '--role', 'editor'], 'an attached password\n', local);
    expect(added.stderr).toMatch(/Using the Neo4j already running/);
    expect(added.code).toBe(0);
    expect((await findCredentials(loginDb, 'attached'))?.role).toBe('editor');
    expect(await counts(testContent)).toEqual(before);
  });

  it('refuses, naming the variables to set, when NEO4J_URI is set without a login database', async () => {
    const { AUTH_NEO4J_URI: _uri, AUTH_NEO4J_PASSWORD: _password, ...contentOnly } = remoteEnv();
    const refused = await user(['list'], '', contentOnly);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/NEO4J_URI is set but AUTH_NEO4J_URI is not.*Set AUTH_NEO4J_URI, AUTH_NEO4J_USER, AUTH_NEO4J_PASSWORD/);
  });
});
