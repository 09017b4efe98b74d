/** Logging in, sessions, API tokens, user management and cross-site refusal, against the real Neo4j. */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAccessConfigured } from '../../server/auth/access-mode.js';
import { createSession, sessionUser } from '../../server/auth/session-store.js';
import type { CreatedToken, Me, TokenList, UserList } from '../../shared/contract/index.js';
import { call, PASSWORD, startAuthServer, userWithToken, type AuthServer } from '../support/auth.js';
import { rows } from '../support/explore-api.js';
import { startTestServer } from '../support/test-app.js';
import { clearLogins, useTestDatabases } from '../support/test-db.js';

const { db, loginDb } = useTestDatabases();
let server: AuthServer;
let api: string;
let adminToken: string;

beforeAll(async () => {
  adminToken = await userWithToken(loginDb, 'admin', 'ada');
  await userWithToken(loginDb, 'viewer', 'vic');
  server = await startAuthServer(db, loginDb);
  api = `${server.url}/api`;
});

afterAll(async () => {
  await server?.close();
});

const login = (name: string, password: string, headers: Record<string, string> = {}) => call<Me>(`${api}/auth/login`, { body: { name, password }, headers });

describe('logging in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie that identifies the user; logout ends it', async () => {
    const { status, body, headers } = await login('vic', PASSWORD);
    expect(status).toBe(200);
    expect(body).toEqual({ user: { name: 'vic', role: 'viewer' }, mode: 'login', via: 'session' });
    const setCookie = headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^tl_session=[\w-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = setCookie.split(';')[0]!;

    expect((await call<Me>(`${api}/auth/me`, { cookie })).body.user.name).toBe('vic');
    expect((await call(`${api}/search?q=rubio`, { cookie })).status).toBe(200);
    expect((await call(`${api}/cypher`, { cookie, body: { query: 'RETURN 1' } })).status).toBe(403);

    const stored = await rows<{ hash: string }>(loginDb, 'MATCH (s:_Session {user: "vic"}) RETURN s.hash AS hash');
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((s) => s.hash)).not.toContain(cookie.split('=')[1]);

    expect((await call(`${api}/auth/logout`, { cookie, method: 'POST' })).status).toBe(204);
    expect((await call(`${api}/auth/me`, { cookie })).status).toBe(401);
    expect((await call(`${api}/search?q=rubio`, { cookie })).status).toBe(401);
  });

  it('marks the cookie Secure when the request came over TLS through a trusted proxy', async () => {
    const proxied = await startAuthServer(db, loginDb, { trustProxy: 'loopback' });
    try {
      const { headers } = await call(`${proxied.url}/api/auth/login`, { body: { name: 'vic', password: PASSWORD }, headers: { 'x-forwarded-proto': 'https' } });
      expect(headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('ends a session when it expires', async () => {
    const { secret } = await createSession(loginDb, 'vic', 1_500);
    expect(await sessionUser(loginDb, secret)).toMatchObject({ name: 'vic', role: 'viewer' });
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await sessionUser(loginDb, secret)).toBeNull();
    const expired = await call(`${api}/auth/me`, { cookie: `tl_session=${secret}` });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('set-cookie')).toMatch(/tl_session=;/);
  });

  it('refuses a wrong password and an unknown name alike, and limits attempts per address with 429 + Retry-After', async () => {
    const wrong = await login('vic', 'not the password');
    const unknown = await login('nobody', 'not the password');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((wrong.body as unknown as { error: { message: string } }).error.message).toBe((unknown.body as unknown as { error: { message: string } }).error.message);
    const limitedServer = await startAuthServer(db, loginDb, { rateLimits: { loginsPerMinute: 3 } });
    try {
      const attempt = () => call(`${limitedServer.url}/api/auth/login`, { body: { name: 'vic', password: 'x' } });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      expect(Number((await attempt()).headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limitedServer.close();
    }
  });

  it('refuses state-changing requests from another site, whatever the credentials', async () => {
    const evil = { origin: 'https://evil.example' };
    expect((await call(`${api}/views`, { token: undefined, body: { name: 'x' }, headers: evil })).status).toBe(403);
    expect((await call(`${api}/auth/logout`, { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    const sameOrigin = await call(`${api}/auth/logout`, { method: 'POST', headers: { origin: server.url } });
    expect(sameOrigin.status).toBe(204);
  });
});

describe('API tokens', () => {
  it('are created by their owner, shown once, stored hashed, listed without the secret, and revoked', async () => {
    const viewerToken = await userWithToken(loginDb, 'viewer', 'val');
    const created = await call<CreatedToken>(`${api}/auth/tokens`, { token: viewerToken, body: { name: 'my script' } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^tl_/);
    const secret = created.body.token;
    const stored = await rows<{ hash: string }>(loginDb, 'MATCH (t:_Token {id: $id}) RETURN t.hash AS hash', { id: created.body.id });
    expect(stored[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret);

    expect((await call(`${api}/schema`, { token: secret })).status).toBe(200);
    const list = await call<TokenList>(`${api}/auth/tokens`, { token: secret });
    expect(list.body.tokens.map((t) => t.name)).toContain('my script');
    expect(JSON.stringify(list.body)).not.toContain(secret);

    expect((await call(`${api}/auth/tokens/${created.body.id}`, { token: adminToken, method: 'DELETE' })).status).toBe(404);
    expect((await call(`${api}/auth/tokens/${created.body.id}`, { token: secret, method: 'DELETE' })).status).toBe(204);
    const after = await call(`${api}/schema`, { token: secret });
    expect(after.status).toBe(401);
    expect((await call(`${api}/auth/tokens`, { token: 'tl_forged' })).status).toBe(401);
  });
});

describe('user management', () => {
  it('lets an admin add, change and remove users; the last admin stays', async () => {
    const added = await call(`${api}/users`, { token: adminToken, body: { name: 'eve', role: 'editor', password: 'a long enough password' } });
    expect(added.status).toBe(201);
    expect(added.body).not.toHaveProperty('passwordHash');
    const session = (await login('eve', 'a long enough password')).headers.get('set-cookie')!.split(';')[0]!;
    expect((await call(`${api}/auth/me`, { cookie: session })).status).toBe(200);
    // A new password ends existing sessions.
    expect((await call(`${api}/users`, { token: adminToken, body: { name: 'eve', role: 'analyst', password: 'another long password' } })).status).toBe(200);
    expect((await call(`${api}/auth/me`, { cookie: session })).status).toBe(401);

    const list = await call<UserList>(`${api}/users`, { token: adminToken });
    expect(list.body.users.find((u) => u.name === 'eve')?.role).toBe('analyst');
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt/);

    expect((await call(`${api}/users/eve`, { token: adminToken, method: 'DELETE' })).status).toBe(204);
    expect((await call(`${api}/users/eve`, { token: adminToken, method: 'DELETE' })).status).toBe(404);
    const last = await call<{ error: { message: string } }>(`${api}/users/ada`, { token: adminToken, method: 'DELETE' });
    expect(last.status).toBe(400);
    expect(last.body.error.message).toMatch(/last admin/);
  });

  it('keeps users out of the graph and out of analysts\' Cypher', async () => {
    const analyst = await userWithToken(loginDb, 'analyst', 'ann');
    const named = await call(`${api}/cypher`, { token: analyst, body: { query: 'MATCH (u:_User) RETURN u.passwordHash' } });
    expect(named.status).toBe(403);
    const all = await call<{ rows: { n: unknown }[] }>(`${api}/cypher`, { token: analyst, body: { query: 'MATCH (n) RETURN n' } });
    expect(all.status).toBe(200);
    expect(JSON.stringify(all.body)).not.toMatch(/_User|_Session|_Token|scrypt/);
    const properties = await call(`${api}/cypher`, { token: analyst, body: { query: 'MATCH (n) RETURN properties(n) AS p, keys(n) AS k' } });
    expect(properties.status).toBe(200);
    expect(JSON.stringify(properties.body)).not.toMatch(/scrypt\$/);
    const search = await call(`${api}/search?q=ann`, { token: analyst });
    expect(JSON.stringify(search.body)).not.toMatch(/_User/);
  });
});

describe('without logins (bound to loopback)', () => {
  it('treats every caller as the local admin, answering only to loopback host names', async () => {
    const local = await startTestServer(db, { loginDb });
    try {
      const me = await call<Me>(`${local.url}/api/auth/me`);
      expect(me.body).toEqual({ user: { name: 'local', role: 'admin' }, mode: 'local', via: 'local' });
      expect((await call(`${local.url}/api/users`)).status).toBe(200);
      const rebound = await new Promise<number>((resolve, reject) =>
        request(`${local.url}/api/schema`, { headers: { host: 'evil.example' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end(),
      );
      expect(rebound).toBe(403);
    } finally {
      await local.close();
    }
  });
});

describe('start-up with logins on', () => {
  it('refuses to start without an admin, saying how to add one', async () => {
    await clearLogins(loginDb);
    await expect(assertAccessConfigured(loginDb, { HOST: '0.0.0.0', AUTH: 'auto' }, 'login')).rejects.toThrow(/npm run user -- add <name> --role admin/);
    await userWithToken(loginDb, 'admin', 'ada');
    await expect(assertAccessConfigured(loginDb, { HOST: '0.0.0.0', AUTH: 'auto' }, 'login')).resolves.toBeUndefined();
  });
});
