import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express, { type Router } from 'express';
import { authorOf } from '../auth/request-identity.js';
import { hasRole } from '../auth/roles.js';
import { contentDisposition } from '../../shared/contract/export-filename.js';
import { exportOperations } from '../../shared/contract/export-operations.js';
import type { Database } from '../db/neo4j.js';
import { AppError } from '../errors.js';
import { exportGraph } from '../services/export/index.js';
import { importFile } from '../services/import/index.js';
import type { QueryLimits } from '../services/queries/cypher-runner.js';
import { importWithProgress, unlessStreamed, wantsProgress } from './import-progress.js';
import { operationRouter } from './operation-router.js';

/** Import bodies are files (zip, XML, JSON) of up to 25 MB, read raw by the import route itself: after authentication. */
const importBody = express.raw({ type: () => true, limit: '25mb' });

/** For the app's 1 MB JSON parser: JSON bodies, except those sent to /api/import (which reads its own). */
export function jsonExceptImports(req: IncomingMessage): boolean {
  return /^\s*application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '') && !/^\/api\/import\/?(\?|$)/i.test(req.url ?? '');
}

/** POST /export streams a file download; POST /import checks a file, then previews or writes it. */
export function exportRoutes(db: Database, limits: QueryLimits): Router {
  return operationRouter(exportOperations, {
    exportGraph: async ({ body: request }, req, res) => {
      // Exporting is for viewers, but a saved query runs only for analysts (shared/contract/query-operations.ts).
      if (request.queryId && req.identity && !hasRole(req.identity.role, 'analyst')) {
        throw new AppError('forbidden', `Exporting a saved query's result runs the query, which needs the analyst role; ${req.identity.name} is a ${req.identity.role}.`);
      }
      const file = await exportGraph(db, request, { limits });
      res.status(200).type(file.contentType).set('Content-Disposition', contentDisposition(file.filename));
      res.set('X-Threadline-Counts', JSON.stringify(file.counts));
      if (Object.keys(file.redirects).length) res.set('X-Threadline-Redirects', JSON.stringify(file.redirects));
      // Once the first bytes are out, an error can only cut the download short (pipeline destroys the response).
      await pipeline(Readable.from(file.body), res).catch((err: unknown) => {
        if (!res.headersSent) throw err;
      });
    },
    importGraph: {
      before: [unlessStreamed(importBody)],
      handler: async ({ query }, req, res) => {
        if (wantsProgress(req)) return importWithProgress(db, { ...query, by: authorOf(req) }, req, res);
        if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
          throw new AppError('bad_request', 'Send the file as the request body (Threadline JSON, GraphML or the CSV zip).', [{ where: 'body', message: 'is empty' }]);
        }
        return importFile(db, req.body, { ...query, by: authorOf(req) });
      },
    },
  });
}
