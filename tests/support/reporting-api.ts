/** The reporting tests' setup: the seed graph behind the real app in-process, a JSON client, and quotes of the seed article. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { ApiError } from '../../shared/contract/index.js';
import { call } from './auth.js';
import { startTestServer, type TestServer } from './test-app.js';
import { resetToSeed, testDb } from './test-db.js';

export const SEED_SOURCE = 'source:daily-beast-rubio-bukele-informants';
const SEED_TEXT = readFileSync('graph-seed/sources/daily-beast-rubio-bukele-informants.txt', 'utf8').replace(/\r\n?/g, '\n');

/** A quote of the seed article at its first occurrence, as a claim cites it. */
export function seedQuote(quote: string) {
  const start = SEED_TEXT.indexOf(quote);
  if (start < 0) throw new Error(`not in the article: ${quote}`);
  return { sourceId: SEED_SOURCE, quote, start, end: start + quote.length, attribution: 'The Daily Beast' };
}

/** The content database (reset to the seed before the file's tests), `api(path, method, body)` on a server over it, and its base URL. */
export function useReportingApi() {
  const db = testDb();
  let server: TestServer | undefined;
  beforeAll(async () => {
    await resetToSeed(db);
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server?.close();
    await db.close();
  });
  const api = <T>(path: string, method = 'GET', body?: unknown) => call<T & ApiError>(`${server!.url}/api${path}`, { method, body });
  return { db, api, url: () => server!.url };
}
