import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Database } from './db/neo4j.js';
import { AppError, errorMiddleware } from './errors.js';
import { graphRoutes } from './routes/graph.js';
import { healthRoutes } from './routes/health.js';

export interface AppDeps {
  db: Database;
  /** The built client (vite build output); served when present. */
  clientDir?: string;
}

/** The Express app without `listen`: tests start it in-process on port 0. */
export function createApp({ db, clientDir }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));

  const api = express.Router();
  api.use(healthRoutes(db));
  api.use(graphRoutes(db));
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
