/** Logging in through the page, with logins on, under the app's Content-Security-Policy. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/neo4j.js';
import { call, PASSWORD, startAuthServer, userWithToken, type AuthServer } from '../support/auth.js';
import { launchChromium } from '../support/browser.js';
import { resetToSeed, testDb } from '../support/test-db.js';

let db: Database;
let server: AuthServer;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];

beforeAll(async () => {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` (npm test does) before the e2e tests');
  db = testDb();
  await resetToSeed(db);
  await userWithToken(db, 'viewer', 'vic');
  server = await startAuthServer(db, { clientDir: path.resolve('dist') });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

describe('with logins on', () => {
  it('serves the app with a CSP that allows no inline script', async () => {
    const { headers } = await call(server.url);
    const csp = headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('asks for a login, then shows the graph; logging out asks again', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Log in to Threadline' }).waitFor();
    await page.getByLabel('Name').fill('vic');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('Wrong name or password.').waitFor();

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForFunction(() => ((window as unknown as { __threadlineCy?: { nodes(): { length: number } } }).__threadlineCy?.nodes().length ?? 0) > 0);
    await expect(page.getByLabel('Account').textContent()).resolves.toMatch(/vic \(viewer\)/);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'tl_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in to Threadline' }).waitFor();
    expect(cspViolations).toEqual([]);
  });
});
