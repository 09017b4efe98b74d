/** The saved-query and ad-hoc Cypher routes (server/routes/queries.ts), described for the OpenAPI document. */
import {
  CypherCheckInputSchema,
  CypherCheckSchema,
  CypherInputSchema,
  QueryIdParamsSchema,
  RestoreInputSchema,
  RunInputSchema,
  RunResultSchema,
  SavedQueryHistorySchema,
  SavedQueryInputSchema,
  SavedQueryListQuerySchema,
  SavedQueryListSchema,
  SavedQuerySchema,
  SavedQueryUpdateSchema,
} from './queries.js';
import type { ApiOperation } from './openapi.js';

const savedQuery = { name: 'SavedQuery', schema: SavedQuerySchema };
const runResult = { name: 'RunResult', schema: RunResultSchema };

export const queryOperations: ApiOperation[] = [
  { method: 'get', path: '/queries', operationId: 'listQueries', tag: 'queries', query: SavedQueryListQuerySchema, errors: [400], summary: 'The saved queries, filtered by text or tag', reply: { name: 'SavedQueryList', schema: SavedQueryListSchema } },
  { method: 'post', path: '/queries', operationId: 'createQuery', tag: 'queries', body: SavedQueryInputSchema, errors: [400, 403], summary: 'Save a new read-only query', reply: { ...savedQuery, status: 201 } },
  { method: 'get', path: '/queries/:id', operationId: 'getQuery', tag: 'queries', params: QueryIdParamsSchema, errors: [400, 404], summary: 'One saved query', reply: savedQuery },
  { method: 'put', path: '/queries/:id', operationId: 'updateQuery', tag: 'queries', params: QueryIdParamsSchema, body: SavedQueryUpdateSchema, errors: [400, 403, 404], summary: 'Change a saved query (a new version)', reply: savedQuery },
  { method: 'delete', path: '/queries/:id', operationId: 'deleteQuery', tag: 'queries', params: QueryIdParamsSchema, errors: [400, 404], summary: 'Delete a saved query and its history', reply: { status: 204, description: 'Deleted' } },
  { method: 'get', path: '/queries/:id/history', operationId: 'getQueryHistory', tag: 'queries', params: QueryIdParamsSchema, errors: [400, 404], summary: 'Every version of a saved query, newest first', reply: { name: 'SavedQueryHistory', schema: SavedQueryHistorySchema } },
  { method: 'post', path: '/queries/:id/restore', operationId: 'restoreQuery', tag: 'queries', params: QueryIdParamsSchema, body: RestoreInputSchema, errors: [400, 403, 404], summary: 'Make an old version current again (a new version)', reply: savedQuery },
  { method: 'post', path: '/queries/:id/run', operationId: 'runQuery', tag: 'queries', params: QueryIdParamsSchema, body: RunInputSchema, errors: [400, 403, 404, 408], summary: 'Run a saved query with parameter values', reply: runResult },
  { method: 'post', path: '/cypher', operationId: 'runCypher', tag: 'queries', body: CypherInputSchema, errors: [400, 403, 408], summary: 'Run ad-hoc read-only Cypher, bounded in rows and time', reply: runResult },
  { method: 'post', path: '/cypher/check', operationId: 'checkCypher', tag: 'queries', body: CypherCheckInputSchema, errors: [400, 403], summary: 'Check Cypher is read-only and list the parameters it uses', reply: { name: 'CypherCheck', schema: CypherCheckSchema } },
];
