import { Router } from 'express';
import { withRoles } from '../auth/openapi-roles.js';
import { authOperations } from '../../shared/contract/auth-operations.js';
import { exploreOperations } from '../../shared/contract/explore-operations.js';
import { exportOperations } from '../../shared/contract/export-operations.js';
import { buildOpenApiDocument, type ApiOperation } from '../../shared/contract/openapi.js';
import { queryOperations } from '../../shared/contract/query-operations.js';
import { viewOperations } from '../../shared/contract/view-operations.js';

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
