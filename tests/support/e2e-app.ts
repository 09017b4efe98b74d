/** The app as a person uses it: the seed graph, the real server with the built client, and a Chromium page on it. */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Database } from '../../server/db/neo4j.js';
import { launchChromium } from './browser.js';
import { startTestServer, type TestServer } from './test-app.js';
import { resetToSeed, testDb } from './test-db.js';

export interface E2eApp {
  db: Database;
  server: TestServer;
  browser: Browser;
  page: Page;
}

export interface E2eOptions {
  /** Runs on the seeded database before the server starts (more data, users). */
  prepare?: (db: Database) => Promise<unknown>;
  /** The server to start; by default the app with logins off, serving `dist/`. */
  startServer?: (db: Database) => Promise<TestServer>;
  /** Runs on the new page before it opens anything: listeners for dialogs, console messages... */
  watch?: (page: Page) => void;
  /** Open the app and wait until the graph has loaded (default); false leaves the page blank. */
  open?: boolean;
}

/**
 * Registers the file's `beforeAll` and `afterAll` (and a screenshot in `test-results/` of each failed test);
 * the returned object is filled in by `beforeAll`.
 */
export function useE2eApp(options: E2eOptions = {}): E2eApp {
  const { prepare, startServer = (db) => startTestServer(db, { withClient: true }), watch, open = true } = options;
  const app = {} as E2eApp;
  beforeAll(async () => {
    if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` (npm test does) before the e2e tests');
    app.db = testDb();
    await resetToSeed(app.db);
    await prepare?.(app.db);
    app.server = await startServer(app.db);
    app.browser = await launchChromium();
    app.page = await app.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    watch?.(app.page);
    if (open) {
      await app.page.goto(app.server.url);
      await app.page.getByText('Loading the graph…').waitFor({ state: 'detached' });
    }
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await app.page?.screenshot({ path: `test-results/${context.task.name.replace(/\W+/g, '-')}.png` });
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
    await app.db?.close();
  });
  return app;
}
