/** The real app with chosen query limits, in-process on a free port, and a JSON client for it. */
import type { Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../server/app.js';
import type { Database } from '../../server/db/neo4j.js';
import type { QueryLimits } from '../../server/services/queries/cypher-runner.js';
import { resetToSeed, testDb } from './test-db.js';

export interface QueryApi {
  url: string;
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function startQueryApi(db: Database, limits?: QueryLimits): Promise<QueryApi> {
  const app = createApp({ db, limits });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    async call<T>(method: string, path: string, body?: unknown) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface SeededQueryApi {
  db: Database;
  call: QueryApi['call'];
}

/**
 * Loads the seed, runs `prepare` (starter queries, say) and starts the API with the default limits, once for
 * the file; the returned object is filled in by `beforeAll`.
 */
export function useSeededQueryApi(prepare?: (db: Database) => Promise<unknown>): SeededQueryApi {
  const seeded = {} as SeededQueryApi;
  let api: QueryApi | undefined;
  beforeAll(async () => {
    seeded.db = testDb();
    await resetToSeed(seeded.db);
    await prepare?.(seeded.db);
    api = await startQueryApi(seeded.db);
    seeded.call = api.call;
  });
  afterAll(async () => {
    await api?.close();
    await seeded.db?.close();
  });
  return seeded;
}
