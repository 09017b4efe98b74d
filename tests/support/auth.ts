/** Users and credentials for tests: real users in the test login database, a server with logins on, and requests as someone. */
import type { Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type AppDeps } from '../../server/app.js';
import type { Role } from '../../server/auth/roles.js';
import { createToken } from '../../server/auth/session-store.js';
import { ensureAuthSchema, saveUser } from '../../server/auth/user-store.js';
import type { Database } from '../../server/db/neo4j.js';
import { clearLogins, testLoginDb } from './test-db.js';

export const PASSWORD = 'correct horse battery staple';

/** A user with this role, named after it, in the login database, and an API token for them. */
export async function userWithToken(loginDb: Database, role: Role, name: string = role): Promise<string> {
  await ensureAuthSchema(loginDb);
  await saveUser(loginDb, { name, role, password: PASSWORD });
  return (await createToken(loginDb, name, 'test')).token;
}

export interface AuthServer {
  url: string;
  close(): Promise<void>;
}

/** The real app with logins on, in-process on a free port: `db` is the content graph, `loginDb` the login database. */
export async function startAuthServer(db: Database, loginDb: Database, deps: Partial<AppDeps> = {}): Promise<AuthServer> {
  const app = createApp({ db, loginDb, access: { mode: 'login' }, ...deps });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * For the enclosing describe: the app with logins on over `db`, its login database emptied, with a viewer, an analyst
 * and an editor named `<prefix>-<role>` and a token for each in `tokens` (both filled in before its tests).
 */
export function useRoleServer(db: Database, prefix: string): { url: string; tokens: Record<string, string> } {
  const loginDb = testLoginDb();
  let server: AuthServer | undefined;
  const roles = { url: '', tokens: {} as Record<string, string> };
  beforeAll(async () => {
    await clearLogins(loginDb);
    for (const role of ['viewer', 'analyst', 'editor'] as const) roles.tokens[role] = await userWithToken(loginDb, role, `${prefix}-${role}`);
    server = await startAuthServer(db, loginDb);
    roles.url = server.url;
  });
  afterAll(async () => {
    await server?.close();
    await loginDb.close();
  });
  return roles;
}

export async function call<T = unknown>(
  url: string,
  options: { method?: string; token?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T, headers: response.headers };
}
