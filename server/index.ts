import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedIfEmpty } from './services/seed/shipped-seeds.js';
import { createApp } from './app.js';
import { accessMode, assertAccessConfigured } from './auth/access-mode.js';
import { countLoginsInContent, describeLogins, moveLoginsFromContent } from './auth/move-logins.js';
import { ensureAuthSchema } from './auth/user-store.js';
import { Lifecycle } from './http/lifecycle.js';
import { createLogger } from './http/logger.js';
import { loadConfig, queryLimits, type Config } from './config.js';
import { connectConfigured, NO_LOGIN_DATABASE } from './db/connect-configured.js';
import type { Database } from './db/neo4j.js';
import { assertPortFree, type Progress } from './db/local-neo4j.js';
import { ensureStarterQueries } from './services/queries/starter-queries.js';
import { ensureStorySchema } from './services/stories/story-store.js';
import { ensureViewSchema } from './services/view-store.js';
import { ensureMappingSchema } from './services/import/sheet/mapping-store.js';
import { SetupError } from './setup-error.js';
import { SeedError } from './services/seed/prepare.js';

const CLIENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const say = (message: string) => console.log(`[threadline] ${message}`);

export interface Running {
  url: string;
  stop(): Promise<void>;
}

/** Start-up messages go to `report` (standard output by default). */
export async function start(config: Config, report: Progress = say): Promise<Running> {
  const mode = accessMode(config);
  await assertPortFree(config.HOST, config.PORT, 'PORT');
  const connected = await connectConfigured(config, report, { logins: mode === 'login' ? 'required' : 'if-configured' });
  const { loginDb } = connected;
  try {
    await prepareLogins(connected.db, loginDb, report);
    await assertAccessConfigured(loginDb, config, mode);
    const seeded = await seedIfEmpty(connected.db, report);
    if (seeded) report(`Seed graph loaded: ${seeded.nodes} nodes, ${seeded.edges} relationships, ${seeded.evidence} quotes (${seeded.ms} ms).`);
    await ensureViewSchema(connected.db);
    await ensureMappingSchema(connected.db);
    await ensureStorySchema(connected.db);
    const limits = queryLimits(config);
    const starters = await ensureStarterQueries(connected.db, { limits, onSkip: report });
    if (starters.length) report(`Saved-query library: added ${starters.length} starter queries.`);
    const lifecycle = new Lifecycle();
    const app = createApp({
      db: connected.db,
      loginDb,
      clientDir: CLIENT_DIR,
      limits,
      access: { mode, sessionTtlMs: config.SESSION_HOURS * 3_600_000 },
      rateLimits: { perIpPerMinute: config.RATE_LIMIT_PER_MIN, perUserPerMinute: config.RATE_LIMIT_USER_PER_MIN, loginsPerMinute: config.LOGIN_ATTEMPTS_PER_MIN },
      logger: createLogger(config.LOG_LEVEL),
      lifecycle,
      trustProxy: config.TRUST_PROXY,
    });
    const server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(config.PORT, config.HOST, () => resolve(s));
      s.once('error', reject);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;
    if (mode === 'login') report('Logins are on: sign in with a user made by `npm run user -- add`.');
    return {
      url,
      // Requests in flight finish (up to SHUTDOWN_GRACE_MS), new ones get 503; then the driver and the local Neo4j stop.
      stop: async () => {
        const drained = await lifecycle.drain(config.SHUTDOWN_GRACE_MS);
        if (!drained) report(`${lifecycle.active} request(s) still running after ${config.SHUTDOWN_GRACE_MS} ms; closing them.`);
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await connected.close();
      },
    };
  } catch (err) {
    await connected.close();
    throw err;
  }
}

/** The login database's schema, and login data left in the content graph by an older Threadline moved over to it. */
async function prepareLogins(content: Database, loginDb: Database | undefined, report: Progress): Promise<void> {
  if (!loginDb) {
    const left = describeLogins(await countLoginsInContent(content));
    if (left) throw new SetupError(`The content graph still holds ${left} from an older Threadline, readable by analysts' Cypher; they move to the login database on start. ${NO_LOGIN_DATABASE}`);
    return;
  }
  await ensureAuthSchema(loginDb);
  const moved = describeLogins(await moveLoginsFromContent(content, loginDb));
  if (moved) report(`Moved ${moved} from the content graph to the login database.`);
}

async function main(): Promise<void> {
  let running: Running | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      say(`${signal} again: exiting now.`);
      process.exit(1);
    }
    stopping = true;
    say(`${signal} received: stopping...`);
    await running?.stop();
    say('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    running = await start(loadConfig());
    say(`Threadline is running: open ${running.url}`);
  } catch (err) {
    if (err instanceof SetupError || err instanceof SeedError || (err instanceof Error && err.message.startsWith('Invalid configuration'))) {
      console.error(`[threadline] ${err.message}`);
    } else {
      console.error('[threadline] Start-up failed:', err);
    }
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
