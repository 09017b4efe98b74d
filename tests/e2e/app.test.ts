import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/neo4j.js';
import { launchChromium } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-app.js';
import { resetToSeed, testDb } from '../support/test-db.js';

let db: Database;
let server: TestServer;
let browser: Browser;
let page: Page;

const canvasNodeCount = () =>
  page.evaluate(() => (window as unknown as { __threadlineCy?: { nodes(): { length: number } } }).__threadlineCy?.nodes().length ?? 0);

beforeAll(async () => {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` (npm test does) before the e2e tests');
  db = testDb();
  await resetToSeed(db);
  server = await startTestServer(db, { withClient: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

describe('the explorer page', () => {
  it('draws the seed graph on the canvas', async () => {
    await page.goto(server.url);
    await page.waitForFunction(() => ((window as unknown as { __threadlineCy?: { nodes(): { length: number } } }).__threadlineCy?.nodes().length ?? 0) > 0);
    const seedNodes = (await db.driver.executeQuery('MATCH (n:Entity) RETURN count(n) AS n')).records[0]?.get('n');
    expect(await canvasNodeCount()).toBe(seedNodes);
    expect(await page.getByText(`${seedNodes} nodes`).count()).toBe(1);
  });

  it('finds Rubio from the search box and shows his details', async () => {
    await page.getByRole('combobox', { name: 'Search the graph' }).fill('Rubio');
    const hit = page.getByRole('option', { name: /Marco Rubio/ });
    await hit.waitFor();
    await hit.click();
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByText('Secretary of State').first().waitFor();
    const selected = await page.evaluate(
      () => (window as unknown as { __threadlineCy: { $(s: string): { map(f: (e: { id(): string }) => string): string[] } } }).__threadlineCy.$(':selected').map((e) => e.id()),
    );
    expect(selected).toEqual(['person:marco-rubio']);
  });
});
