import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Database } from './db/neo4j.js';
import { AppError, errorMiddleware } from './errors.js';
import { exploreRoutes } from './routes/explore.js';
import { exportRoutes, importBody } from './routes/export.js';
import { graphRoutes } from './routes/graph.js';
import { healthRoutes } from './routes/health.js';
import { viewRoutes } from './routes/views.js';
import { openApiRoutes } from './routes/openapi.js';
import { queryRoutes } from './routes/queries.js';
import { DEFAULT_LIMITS, type QueryLimits } from './services/queries/cypher-runner.js';

export interface AppDeps {
  db: Database;
  /** The built client (vite build output); served when present. */
  clientDir?: string;
  /** Bounds on user Cypher (saved and ad-hoc queries): QUERY_TIMEOUT_MS and QUERY_ROW_CAP. */
  limits?: QueryLimits;
}

/** The Express app without `listen`: tests start it in-process on port 0. */
export function createApp({ db, clientDir, limits = DEFAULT_LIMITS }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use('/api/import', importBody);
  app.use(express.json({ limit: '1mb' }));

  const api = express.Router();
  api.use(healthRoutes(db));
  api.use(graphRoutes(db));
  api.use(queryRoutes(db, limits));
  api.use(exportRoutes(db, limits));
  api.use(exploreRoutes(db), openApiRoutes());
  api.use(viewRoutes(db));
  api.use((req) => {
    throw new AppError('not_found', `No API route ${req.method} ${req.baseUrl}${req.path}`);
  });
  app.use('/api', api);

  if (clientDir && existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(clientDir, 'index.html')));
  }
  app.use(errorMiddleware);
  return app;
}
