import { Router } from 'express';
import { withRoles } from '../auth/openapi-roles.js';
import { authOperations } from '../contract/auth-operations.js';
import { exploreOperations } from '../contract/explore-operations.js';
import { exportOperations } from '../contract/export-operations.js';
import { buildOpenApiDocument, type ApiOperation } from '../contract/openapi.js';
import { queryOperations } from '../contract/query-operations.js';
import { viewOperations } from '../contract/view-operations.js';

const INFO = {
  title: 'Threadline API',
  version: '0.1.0',
  description: 'Read a knowledge graph for investigative work: nodes and edges keyed by stable ids, each claim backed by quoted evidence.',
};

/** GET /openapi.json, built once from the zod schemas the routes validate with. */
export function openApiRoutes(operations: ApiOperation[] = [...exploreOperations, ...queryOperations, ...viewOperations, ...authOperations, ...exportOperations]): Router {
  let document: Record<string, unknown> | undefined;
  return Router().get('/openapi.json', (_req, res) => {
    document ??= withRoles(buildOpenApiDocument(operations, INFO));
    res.json(document);
  });
}
