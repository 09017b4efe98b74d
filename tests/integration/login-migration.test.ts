/**
 * Login data left in the content graph by an older Threadline moves to the login database on start, and nothing
 * of it stays behind; without a login database (NEO4J_URI, logins off) such data makes start-up refuse.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../../server/auth/password.js';
import { sha256 } from '../../server/auth/secrets.js';
import { loadConfig } from '../../server/config.js';
import { start } from '../../server/index.js';
import type { Me, UserList } from '../../shared/contract/index.js';
import { call } from '../support/auth.js';
import { rows } from '../support/explore-api.js';
import { useTestDatabases } from '../support/test-db.js';

const { db, loginDb } = useTestDatabases();

afterAll(async () => {
  await db.driver.executeQuery('MATCH (n) WHERE n:_User OR n:_Session OR n:_Token DETACH DELETE n');
});

const OLD_PASSWORD = 'the password from before';
const SESSION_SECRET = 'an-old-session-cookie-value-of-some-length';
const TOKEN_SECRET = 'tl_an-old-api-token-secret';

/** Users, sessions and a token the way Threadline used to keep them: nodes in the content graph, with their schema. */
async function putOldLogins(): Promise<void> {
  const passwordHash = await hashPassword(OLD_PASSWORD);
  await db.driver.executeQuery('CREATE CONSTRAINT user_name IF NOT EXISTS FOR (u:_User) REQUIRE u.name IS UNIQUE');
  await db.driver.executeQuery('CREATE INDEX session_user IF NOT EXISTS FOR (s:_Session) ON (s.user)');
  await db.driver.executeQuery(
    `CREATE (:_User {name: 'old-alice', role: 'admin', passwordHash: $passwordHash, createdAt: datetime()}),
            (:_User {name: 'old-bob', role: 'viewer', passwordHash: $passwordHash, createdAt: datetime()}),
            (:_Session {hash: $session, user: 'old-bob', createdAt: datetime(), expiresAt: datetime() + duration('PT1H')}),
            (:_Session {hash: 'second-session-hash', user: 'old-bob', createdAt: datetime(), expiresAt: datetime() + duration('PT1H')}),
            (:_Session {hash: 'third-session-hash', user: 'old-alice', createdAt: datetime(), expiresAt: datetime() + duration('PT1H')}),
            (:_Token {id: 'oldtoken', hash: $token, user: 'old-alice', name: 'script', createdAt: datetime()})`,
    { passwordHash, session: sha256(SESSION_SECRET), token: sha256(TOKEN_SECRET) },
  );
}

const env = (extra: Record<string, string>) => {
  const content = inject('neo4j');
  return loadConfig({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', NEO4J_URI: content.uri, NEO4J_PASSWORD: content.password, ...extra });
};
const loginSettings = () => ({ AUTH_NEO4J_URI: inject('loginNeo4j').uri, AUTH_NEO4J_PASSWORD: inject('loginNeo4j').password });
const leftInContent = async () =>
  (await rows<{ n: number }>(db, 'MATCH (n) WHERE n:_User OR n:_Session OR n:_Token RETURN count(n) AS n'))[0]!.n;

describe('on the first start with a login database', () => {
  it('moves users, sessions and tokens out of the content graph, where they still work and no longer are', async () => {
    await putOldLogins();
    // A start that crashed after copying one session: the copy is kept, not doubled.
    await loginDb.driver.executeQuery(`CREATE (:_Session {hash: 'second-session-hash', user: 'old-bob', createdAt: datetime(), expiresAt: datetime() + duration('PT1H')})`);
    const said: string[] = [];
    const running = await start(env({ AUTH: 'on', ...loginSettings() }), (m) => said.push(m));
    try {
      expect(said).toContain('Moved 2 users, 3 sessions and 1 token from the content graph to the login database.');
      expect(await leftInContent()).toBe(0);
      const schema = [...(await rows<{ name: string }>(db, 'SHOW CONSTRAINTS YIELD name')), ...(await rows<{ name: string }>(db, 'SHOW INDEXES YIELD name'))];
      expect(schema.map((s) => s.name)).not.toContain('user_name');
      expect(schema.map((s) => s.name)).not.toContain('session_user');
      expect((await rows<{ n: number }>(loginDb, 'MATCH (s:_Session) RETURN count(s) AS n'))[0]!.n).toBe(3);

      const api = `${running.url}/api`;
      const login = await call<Me>(`${api}/auth/login`, { body: { name: 'old-alice', password: OLD_PASSWORD } });
      expect(login.status).toBe(200);
      expect((await call<Me>(`${api}/auth/me`, { cookie: `tl_session=${SESSION_SECRET}` })).body.user).toEqual({ name: 'old-bob', role: 'viewer' });
      const users = await call<UserList>(`${api}/users`, { token: TOKEN_SECRET });
      expect(users.body.users.map((u) => u.name)).toEqual(['old-alice', 'old-bob']);
    } finally {
      await running.stop();
    }
    const again: string[] = [];
    await (await start(env({ AUTH: 'on', ...loginSettings() }), (m) => again.push(m))).stop();
    expect(again.join('\n')).not.toMatch(/Moved/);
  });
});

describe('with NEO4J_URI, logins off and no login database', () => {
  it('starts, and answers user management with a 400 naming AUTH_NEO4J_URI', async () => {
    const running = await start(env({}), () => {});
    try {
      const users = await call<{ error: { message: string } }>(`${running.url}/api/users`);
      expect(users.status).toBe(400);
      expect(users.body.error.message).toMatch(/no login database.*AUTH_NEO4J_URI/);
    } finally {
      await running.stop();
    }
  });

  it('refuses to start while old login data sits in the content graph, saying what to set', async () => {
    await putOldLogins();
    await expect(start(env({}), () => {})).rejects.toThrow(/still holds 2 users, 3 sessions and 1 token from an older Threadline.*Set AUTH_NEO4J_URI/);
    await db.driver.executeQuery('MATCH (n) WHERE n:_User OR n:_Session OR n:_Token DETACH DELETE n');
  });
});
