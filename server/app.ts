import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { AccessMode } from './auth/access-mode.js';
import { authenticate } from './auth/authenticate.js';
import type { Database } from './db/neo4j.js';
import { Lifecycle } from './http/lifecycle.js';
import { requestLogger, silentLogger } from './http/logger.js';
import { rateLimit, type RateLimits } from './http/rate-limit.js';
import { securityHeaders } from './http/security-headers.js';
import { authRoutes } from './routes/auth.js';
import { dedupRoutes } from './routes/dedup.js';
import { userRoutes } from './routes/users.js';
import { AppError, errorMiddleware } from './errors.js';
import { storyEmbed } from './http/story-embed.js';
import { exploreRoutes } from './routes/explore.js';
import { exportRoutes, jsonExceptImports } from './routes/export.js';
import { queryRoutes } from './routes/queries.js';
import { reportingRoutes } from './routes/reporting.js';
import { storyRoutes } from './routes/stories.js';
import { systemRoutes } from './routes/system.js';
import { sheetRoutes } from './routes/sheets.js';
import { viewRoutes } from './routes/views.js';
import { DEFAULT_LIMITS, type QueryLimits } from './services/queries/cypher-runner.js';

export interface AppDeps {
  /** The content graph: explorer, queries, exports, views. */
  db: Database;
  /**
   * The login database (users, sessions, API tokens), given only to the auth middleware and the auth and user
   * routes. Required with logins on; without logins it serves user management only, when there is one.
   */
  loginDb?: Database;
  /** The built client (vite build output); served when present. */
  clientDir?: string;
  /** Bounds on user Cypher (saved and ad-hoc queries): QUERY_TIMEOUT_MS and QUERY_ROW_CAP. */
  limits?: QueryLimits;
  /** `local` (default): no logins, everyone is the local admin; `login`: sessions and API tokens (server/auth). */
  access?: { mode: AccessMode; sessionTtlMs?: number };
  /** Per-IP, per-user and login rate limits; none when absent. */
  rateLimits?: Partial<RateLimits>;
  logger?: Logger;
  /** Shared with start()/stop() for graceful shutdown. */
  lifecycle?: Lifecycle;
  /** Express's `trust proxy` (TRUST_PROXY): needed for client IPs and Secure cookies behind a TLS proxy. */
  trustProxy?: string;
}

/** The Express app without `listen`: tests start it in-process on port 0. */
export function createApp({ db, loginDb, clientDir, limits = DEFAULT_LIMITS, ...deps }: AppDeps): Express {
  const mode = deps.access?.mode ?? 'local';
  if (mode === 'login' && !loginDb) throw new Error('createApp: logins are on, so deps.loginDb (the login database) is required');
  const app = express();
  app.disable('x-powered-by');
  // API replies are not cached by clients; hashing every JSON body for an ETag cost more than it saved (npm run bench).
  app.set('etag', false);
  if (deps.trustProxy) app.set('trust proxy', /^\d+$/.test(deps.trustProxy) ? Number(deps.trustProxy) : deps.trustProxy === 'true' || deps.trustProxy);
  const rate = { perIpPerMinute: 0, perUserPerMinute: 0, loginsPerMinute: 0, ...deps.rateLimits };
  app.use(requestLogger(deps.logger ?? silentLogger()), securityHeaders(), (deps.lifecycle ?? new Lifecycle()).middleware());
  app.use(express.json({ limit: '1mb', type: jsonExceptImports }));

  const api = express.Router();
  api.use(rateLimit(rate.perIpPerMinute, (req) => req.ip, 'address'));
  api.use(authenticate(loginDb, mode));
  api.use(rateLimit(rate.perUserPerMinute, (req) => (req.identity?.via === 'local' ? undefined : req.identity?.name), 'user'));
  // Each router serves one group of operations (shared/contract/api-operations.ts), and every group is mounted here.
  // The explorer's reads first: the most frequent requests pass the fewest routers.
  api.use(exploreRoutes(db));
  api.use(authRoutes(loginDb, { mode, sessionTtlMs: deps.access?.sessionTtlMs ?? 12 * 3_600_000, loginsPerMinute: rate.loginsPerMinute }));
  api.use(userRoutes(loginDb));
  api.use(systemRoutes(db));
  api.use(queryRoutes(db, limits));
  api.use(exportRoutes(db, limits));
  api.use(sheetRoutes(db));
  api.use(viewRoutes(db));
  api.use(reportingRoutes(db));
  api.use(storyRoutes(db));
  api.use(dedupRoutes(db));
  api.use((req) => {
    throw new AppError('not_found', `No API route ${req.method} ${req.baseUrl}${req.path}`);
  });
  app.use('/api', api);
  app.use(storyEmbed(db));

  if (clientDir && existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(clientDir, 'index.html')));
  }
  app.use(errorMiddleware);
  return app;
}
