import type { Request, Router } from 'express';
import { queryOperations } from '../../shared/contract/query-operations.js';
import { authorOf } from '../auth/request-identity.js';
import type { Database } from '../db/neo4j.js';
import { sendRunResult } from '../http/send-run-result.js';
import { checkCypher, type QueryLimits } from '../services/queries/cypher-runner.js';
import { QuerySlots } from '../services/queries/query-slots.js';
import * as queries from '../services/queries/saved-queries.js';
import { listQueries } from '../services/queries/saved-query-store.js';
import { operationRouter } from './operation-router.js';

/** The saved-query library and ad-hoc Cypher: every query is checked read-only and bounded by `limits`; runs share one set of slots. */
export function queryRoutes(db: Database, limits: QueryLimits): Router {
  const slots = new QuerySlots(limits);
  const callerOf = (req: Request) => ({ slots, user: authorOf(req) });
  return operationRouter(queryOperations, {
    listQueries: async ({ query: filter }) => ({ queries: await listQueries(db, filter) }),
    createQuery: async ({ body: input }, req, res) => {
      const created = await queries.createSavedQuery(db, input, authorOf(req), limits);
      res.location(`/api/queries/${created.id}`);
      return created;
    },
    getQuery: ({ params: { id } }) => queries.getSavedQuery(db, id),
    updateQuery: ({ params: { id }, body: input }, req) => queries.updateSavedQuery(db, id, input, authorOf(req), limits),
    deleteQuery: ({ params: { id } }) => queries.deleteSavedQuery(db, id),
    getQueryHistory: ({ params: { id } }) => queries.savedQueryHistory(db, id),
    restoreQuery: ({ params: { id }, body: { version } }, req) => queries.restoreSavedQuery(db, id, version, authorOf(req), limits),
    runQuery: async ({ params: { id }, body: { params } }, req, res) =>
      sendRunResult(res, await queries.runSavedQuery(db, await queries.getSavedQuery(db, id), params, limits, callerOf(req))),
    runCypher: async ({ body: { query, params } }, req, res) => sendRunResult(res, await queries.runAdhoc(db, query, params, limits, callerOf(req))),
    checkCypher: async ({ body: { query } }) => ({ parameters: await checkCypher(db, query, { limits, where: 'body.query' }) }),
  });
}
