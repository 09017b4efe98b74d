/**
 * Whether logins are on. Bound to loopback (the default) a single local user needs none and acts as admin;
 * bound to anything else (HOST=0.0.0.0) logins are required, and the server refuses to start until an admin exists.
 * AUTH=on turns logins on for loopback too (for example behind a reverse proxy on the same machine).
 */
import type { Config } from '../config.js';
import type { Database } from '../db/neo4j.js';
import { SetupError } from '../setup-error.js';
import { countAdmins } from './user-store.js';

export type AccessMode = 'local' | 'login';

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

export function accessMode(config: Pick<Config, 'AUTH' | 'HOST'>): AccessMode {
  const loopback = isLoopbackHost(config.HOST);
  if (config.AUTH === 'off' && !loopback) {
    throw new SetupError(`AUTH=off is only allowed when HOST is a loopback address; HOST is ${config.HOST}. Remove AUTH=off and add an admin: npm run user -- add <name> --role admin`);
  }
  if (config.AUTH === 'on') return 'login';
  if (config.AUTH === 'off') return 'local';
  return loopback ? 'local' : 'login';
}

/**
 * With logins on, someone must be able to log in: refuses to start until an admin exists in the login database,
 * and says how to add one.
 */
export async function assertAccessConfigured(loginDb: Database | undefined, config: Pick<Config, 'AUTH' | 'HOST'>, mode: AccessMode): Promise<void> {
  if (mode === 'local') return;
  if (loginDb && (await countAdmins(loginDb)) > 0) return;
  const why = config.AUTH === 'on' ? 'AUTH=on' : `HOST=${config.HOST} is reachable from other machines`;
  throw new SetupError(
    `${why}, so Threadline requires logins, and no admin user exists yet. Create the first one (with the same settings), then start again:\n` +
      `  npm run user -- add <name> --role admin\n` +
      `Or bind to this machine only: HOST=127.0.0.1 (no logins).`,
  );
}
