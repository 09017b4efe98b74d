import { Router } from 'express';
import { IdParamsSchema, NeighborQuerySchema, PathQuerySchema, SubgraphRequestSchema } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { edgeDetails } from '../services/edge-service.js';
import { evidenceDetails } from '../services/evidence-service.js';
import { neighbors } from '../services/neighbor-service.js';
import { nodeDetails } from '../services/node-service.js';
import { findPaths } from '../services/path-service.js';
import { schemaSummary } from '../services/schema-service.js';
import { sourceText } from '../services/source-service.js';
import { subgraph } from '../services/subgraph-service.js';
import { parse } from './validate.js';

/** The explorer's read API: schema, nodes, neighbours, paths, subgraphs, edges, evidence and source texts. */
export function exploreRoutes(db: Database): Router {
  const id = (params: unknown) => parse(IdParamsSchema, params, 'params').id;
  return Router()
    .get('/schema', async (_req, res) => {
      res.json(await schemaSummary(db));
    })
    .get('/nodes/:id', async (req, res) => {
      res.json(await nodeDetails(db, id(req.params)));
    })
    .get('/nodes/:id/neighbors', async (req, res) => {
      const nodeId = id(req.params);
      res.json(await neighbors(db, nodeId, parse(NeighborQuerySchema, req.query, 'query')));
    })
    .get('/paths', async (req, res) => {
      res.json(await findPaths(db, parse(PathQuerySchema, req.query, 'query')));
    })
    .post('/subgraph', async (req, res) => {
      const { ids } = parse(SubgraphRequestSchema, req.body ?? {}, 'body');
      res.json(await subgraph(db, ids));
    })
    .get('/edges/:id', async (req, res) => {
      res.json(await edgeDetails(db, id(req.params)));
    })
    .get('/evidence/:id', async (req, res) => {
      res.json(await evidenceDetails(db, id(req.params)));
    })
    .get('/sources/:id/text', async (req, res) => {
      res.json(await sourceText(db, id(req.params)));
    });
}
