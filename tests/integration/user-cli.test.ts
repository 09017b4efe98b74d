import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../server/db/neo4j.js';
import { findCredentials } from '../../server/auth/user-store.js';
import { verifyPassword } from '../../server/auth/password.js';
import { resetToSeed, testDb } from '../support/test-db.js';

let db: Database;

beforeAll(async () => {
  db = testDb();
  await resetToSeed(db);
});

afterAll(async () => {
  await db?.close();
});

/** `npm run user -- ...` with the password piped on standard input, against the test Neo4j. */
function user(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const { uri, user: neo4jUser, password } = inject('neo4j');
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NEO4J_URI: uri, NEO4J_USER: neo4jUser, NEO4J_PASSWORD: password };
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
    expect(await verifyPassword('the first admin password', (await findCredentials(db, 'chief'))!.passwordHash)).toBe(true);

    expect((await user(['add', 'reporter', '--role', 'viewer'], 'a reporter password\n')).code).toBe(0);
    const listed = await user(['list']);
    expect(listed.stdout).toMatch(/^chief\tadmin\t/m);
    expect(listed.stdout).toMatch(/^reporter\tviewer\t/m);
    expect(listed.stdout).not.toMatch(/scrypt/);

    expect((await user(['passwd', 'reporter'], 'a new reporter password\n')).code).toBe(0);
    const stored = (await findCredentials(db, 'reporter'))!;
    expect(stored.role).toBe('viewer');
    expect(await verifyPassword('a new reporter password', stored.passwordHash)).toBe(true);

    expect((await user(['remove', 'reporter'])).code).toBe(0);
    expect(await findCredentials(db, 'reporter')).toBeNull();
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
});
