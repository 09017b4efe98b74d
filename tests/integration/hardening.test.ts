/** Security headers, rate limits and logs that keep secrets out, on the real app. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/http/logger.js';
import { call, PASSWORD, startAuthServer, userWithToken } from '../support/auth.js';
import { useTestDatabases } from '../support/test-db.js';

const { db, loginDb } = useTestDatabases();

describe('security headers', () => {
  it('come with every API answer (the app page: tests/e2e/auth.test.ts)', async () => {
    const server = await startAuthServer(db, loginDb);
    try {
      for (const path of ['/api/health', '/api/search?q=x', '/api/nope']) {
        const { headers } = await call(`${server.url}${path}`);
        expect(headers.get('content-security-policy'), path).toMatch(/default-src 'self'.*script-src 'self';.*object-src 'none'.*frame-ancestors 'none'/);
        expect(headers.get('x-content-type-options')).toBe('nosniff');
        expect(headers.get('referrer-policy')).toBe('no-referrer');
        expect(headers.get('x-powered-by')).toBeNull();
      }
    } finally {
      await server.close();
    }
  });
});

describe('rate limits', () => {
  it('answer 429 with Retry-After per IP address, and per user', async () => {
    const token = await userWithToken(loginDb, 'viewer', 'busy');
    const perIp = await startAuthServer(db, loginDb, { rateLimits: { perIpPerMinute: 5 } });
    const perUser = await startAuthServer(db, loginDb, { rateLimits: { perUserPerMinute: 3 } });
    try {
      const ip = [];
      for (let i = 0; i < 6; i++) ip.push((await call(`${perIp.url}/api/health`)).status);
      expect(ip).toEqual([200, 200, 200, 200, 200, 429]);
      const limited = await call<{ error: { code: string; message: string } }>(`${perIp.url}/api/health`);
      expect(limited.body.error.code).toBe('too_many_requests');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

      const user = [];
      for (let i = 0; i < 4; i++) user.push((await call(`${perUser.url}/api/schema`, { token })).status);
      expect(user).toEqual([200, 200, 200, 429]);
      // Anonymous requests are not counted against the user.
      expect((await call(`${perUser.url}/api/health`)).status).toBe(200);
    } finally {
      await perIp.close();
      await perUser.close();
    }
  });
});

describe('logs', () => {
  it('are JSON lines without passwords, tokens, cookies, Authorization headers or secret query parameters', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const token = await userWithToken(loginDb, 'admin', 'logged');
    const server = await startAuthServer(db, loginDb, { logger: createLogger('debug', sink) });
    try {
      const login = await call(`${server.url}/api/auth/login`, { body: { name: 'logged', password: PASSWORD } });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const cookieValue = cookie.split('=')[1]!;
      await call(`${server.url}/api/auth/me`, { cookie });
      await call(`${server.url}/api/search?q=rubio&token=query-secret-value&password=query-password-value`, { token });
      await call(`${server.url}/api/users`, { token, body: { name: 'newbie', role: 'viewer', password: 'new user password value' } });
      await call(`${server.url}/api/auth/login`, { body: { name: 'logged', password: 'wrong password value' } });
      await call(`${server.url}/api/nodes/%ZZ`, { token });
      await new Promise((r) => setTimeout(r, 50));

      const parsed = lines.map((l) => JSON.parse(l) as { url?: string; status?: number; user?: string });
      expect(parsed.filter((l) => l.url).length).toBeGreaterThanOrEqual(6);
      expect(parsed.find((l) => l.url?.startsWith('/api/search'))).toMatchObject({ status: 200, user: 'logged' });
      const all = lines.join('\n');
      for (const secret of [PASSWORD, 'wrong password value', 'new user password value', token, cookieValue, 'query-secret-value', 'query-password-value']) {
        expect(all).not.toContain(secret);
      }
      expect(all).not.toMatch(/Bearer|tl_session=|scrypt\$/);
    } finally {
      await server.close();
    }
  });
});
