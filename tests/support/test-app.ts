import type { Server } from 'node:http';
import path from 'node:path';
import { createApp } from '../../server/app.js';
import type { Database } from '../../server/db/neo4j.js';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** The real Express app without logins, in-process on a free port; serves the built client when asked. */
export async function startTestServer(db: Database, options: { withClient?: boolean; loginDb?: Database } = {}): Promise<TestServer> {
  const app = createApp({ db, loginDb: options.loginDb, clientDir: options.withClient ? path.resolve('dist') : undefined });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function getJson<T = unknown>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T };
}
