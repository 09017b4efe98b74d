import type { Router } from 'express';
import { API_OPERATIONS } from '../../shared/contract/api-operations.js';
import { buildOpenApiDocument } from '../../shared/contract/openapi.js';
import { systemOperations } from '../../shared/contract/system-operations.js';
import type { Database } from '../db/neo4j.js';
import { checkHealth } from '../services/health-service.js';
import { operationRouter } from './operation-router.js';

const INFO = {
  title: 'Threadline API',
  version: '0.1.0',
  description: 'Read a knowledge graph for investigative work: nodes and edges keyed by stable ids, each claim backed by quoted evidence.',
};

/** GET /health (answers without looking at who asks), and GET /openapi.json, built once from every operation. */
export function systemRoutes(db: Database): Router {
  let document: Record<string, unknown> | undefined;
  return operationRouter(systemOperations, {
    getHealth: async (_input, _req, res) => {
      const health = await checkHealth(db);
      res.status(health.status === 'ok' ? 200 : 503).json(health);
    },
    getOpenApi: () => (document ??= buildOpenApiDocument(API_OPERATIONS, INFO)),
  });
}
