/** Logging in through the page, with logins on, under the app's Content-Security-Policy. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/neo4j.js';
import { call, PASSWORD, startAuthServer, userWithToken } from '../support/auth.js';
import { useE2eApp } from '../support/e2e-app.js';
import { testLoginDb } from '../support/test-db.js';

const cspViolations: string[] = [];
// Registered before useE2eApp's hooks: open before `prepare`, closed after the server.
let loginDb: Database;
beforeAll(() => {
  loginDb = testLoginDb();
});
afterAll(() => loginDb?.close());

const app = useE2eApp({
  prepare: () => userWithToken(loginDb, 'viewer', 'vic'),
  startServer: (db) => startAuthServer(db, loginDb, { clientDir: path.resolve('dist') }),
  watch: (page) => {
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  },
  open: false,
});

describe('with logins on', () => {
  it('serves the app with a CSP that allows no inline script', async () => {
    const { headers } = await call(app.server.url);
    const csp = headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('asks for a login, then shows the graph; logging out asks again', async () => {
    await app.page.goto(app.server.url);
    await app.page.getByRole('heading', { name: 'Log in to Threadline' }).waitFor();
    await app.page.getByLabel('Name').fill('vic');
    await app.page.getByLabel('Password').fill('wrong password');
    await app.page.getByRole('button', { name: 'Log in' }).click();
    await app.page.getByText('Wrong name or password.').waitFor();

    await app.page.getByLabel('Password').fill(PASSWORD);
    await app.page.getByRole('button', { name: 'Log in' }).click();
    await app.page.waitForFunction(() => ((window as unknown as { __threadlineCy?: { nodes(): { length: number } } }).__threadlineCy?.nodes().length ?? 0) > 0);
    await expect(app.page.getByLabel('Account').textContent()).resolves.toMatch(/vic \(viewer\)/);
    const cookie = (await app.page.context().cookies()).find((c) => c.name === 'tl_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    await app.page.getByRole('button', { name: 'Log out' }).click();
    await app.page.getByRole('heading', { name: 'Log in to Threadline' }).waitFor();
    expect(cspViolations).toEqual([]);
  });
});
