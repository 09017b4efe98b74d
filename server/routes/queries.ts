import { Router } from 'express';
import {
  CypherCheckInputSchema,
  CypherInputSchema,
  QueryIdParamsSchema,
  RestoreInputSchema,
  RunInputSchema,
  SavedQueryInputSchema,
  SavedQueryListQuerySchema,
  SavedQueryUpdateSchema,
  type CypherCheck,
  type SavedQueryList,
} from '../../shared/contract/index.js';
import { authorOf } from '../auth/request-identity.js';
import type { Database } from '../db/neo4j.js';
import { checkCypher, type QueryLimits } from '../services/queries/cypher-runner.js';
import * as queries from '../services/queries/saved-queries.js';
import { listQueries } from '../services/queries/saved-query-store.js';
import { parse } from './validate.js';

/** The saved-query library and ad-hoc Cypher: every query is checked read-only and bounded by `limits`. */
export function queryRoutes(db: Database, limits: QueryLimits): Router {
  const idOf = (params: unknown) => parse(QueryIdParamsSchema, params, 'params').id;
  return Router()
    .get('/queries', async (req, res) => {
      const filter = parse(SavedQueryListQuerySchema, req.query, 'query');
      const reply: SavedQueryList = { queries: await listQueries(db, filter) };
      res.json(reply);
    })
    .post('/queries', async (req, res) => {
      const input = parse(SavedQueryInputSchema, req.body, 'body');
      const created = await queries.createSavedQuery(db, input, authorOf(req), limits);
      res.status(201).location(`/api/queries/${created.id}`).json(created);
    })
    .get('/queries/:id', async (req, res) => {
      res.json(await queries.getSavedQuery(db, idOf(req.params)));
    })
    .put('/queries/:id', async (req, res) => {
      const id = idOf(req.params);
      const input = parse(SavedQueryUpdateSchema, req.body, 'body');
      res.json(await queries.updateSavedQuery(db, id, input, authorOf(req), limits));
    })
    .delete('/queries/:id', async (req, res) => {
      await queries.deleteSavedQuery(db, idOf(req.params));
      res.status(204).end();
    })
    .get('/queries/:id/history', async (req, res) => {
      res.json(await queries.savedQueryHistory(db, idOf(req.params)));
    })
    .post('/queries/:id/restore', async (req, res) => {
      const id = idOf(req.params);
      const { version } = parse(RestoreInputSchema, req.body, 'body');
      res.json(await queries.restoreSavedQuery(db, id, version, authorOf(req), limits));
    })
    .post('/queries/:id/run', async (req, res) => {
      const id = idOf(req.params);
      const { params } = parse(RunInputSchema, req.body ?? {}, 'body');
      res.json(await queries.runSavedQuery(db, await queries.getSavedQuery(db, id), params, limits));
    })
    .post('/cypher', async (req, res) => {
      const { query, params } = parse(CypherInputSchema, req.body, 'body');
      res.json(await queries.runAdhoc(db, query, params, limits));
    })
    .post('/cypher/check', async (req, res) => {
      const { query } = parse(CypherCheckInputSchema, req.body, 'body');
      const reply: CypherCheck = { parameters: await checkCypher(db, query, { limits, where: 'body.query' }) };
      res.json(reply);
    });
}
