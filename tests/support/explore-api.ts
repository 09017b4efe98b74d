/** Helpers for the explorer API tests: a seeded server per file, JSON posts, and direct Cypher reads to compare with. */
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../server/db/neo4j.js';
import { startTestServer, type TestServer } from './test-app.js';
import { resetToSeed, testDb } from './test-db.js';

export interface SeededApi {
  db: Database;
  url: string;
}

/** Loads the seed and starts the API once for the file; the returned object is filled in by `beforeAll`. */
export function useSeededApi(): SeededApi {
  const api = {} as SeededApi;
  let server: TestServer | undefined;
  beforeAll(async () => {
    api.db = testDb();
    await resetToSeed(api.db);
    server = await startTestServer(api.db);
    api.url = `${server.url}/api`;
  });
  afterAll(async () => {
    await server?.close();
    await api.db?.close();
  });
  return api;
}

export async function postJson<T = unknown>(url: string, body: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as T };
}

export async function rows<T = Record<string, unknown>>(db: Database, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await db.driver.executeQuery(cypher, params);
  return result.records.map((r) => r.toObject() as T);
}

/** `/api/nodes/person%3Amarco-rubio`: ids contain colons, so clients encode them. */
export const enc = encodeURIComponent;

export interface ErrorBody {
  error: { code: string; message: string; details: { where: string; message: string }[] };
}
