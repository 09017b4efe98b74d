/** The saved-query and ad-hoc Cypher routes (server/routes/queries.ts): analysts run queries, editors change them. */
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
import { defineOperations } from './operation.js';

const savedQuery = { name: 'SavedQuery', schema: SavedQuerySchema };
const runResult = { name: 'RunResult', schema: RunResultSchema };

export const queryOperations = defineOperations({
  listQueries: { method: 'get', path: '/queries', role: 'analyst', tag: 'queries', query: SavedQueryListQuerySchema, errors: [400], summary: 'The saved queries, filtered by text or tag', reply: { name: 'SavedQueryList', schema: SavedQueryListSchema } },
  createQuery: { method: 'post', path: '/queries', role: 'editor', tag: 'queries', body: SavedQueryInputSchema, errors: [400, 403], summary: 'Save a new read-only query', reply: { ...savedQuery, status: 201 } },
  getQuery: { method: 'get', path: '/queries/:id', role: 'analyst', tag: 'queries', params: QueryIdParamsSchema, errors: [400, 404], summary: 'One saved query', reply: savedQuery },
  updateQuery: { method: 'put', path: '/queries/:id', role: 'editor', tag: 'queries', params: QueryIdParamsSchema, body: SavedQueryUpdateSchema, errors: [400, 403, 404], summary: 'Change a saved query (a new version)', reply: savedQuery },
  deleteQuery: { method: 'delete', path: '/queries/:id', role: 'editor', tag: 'queries', params: QueryIdParamsSchema, errors: [400, 404], summary: 'Delete a saved query and its history', reply: { status: 204, description: 'Deleted' } },
  getQueryHistory: { method: 'get', path: '/queries/:id/history', role: 'analyst', tag: 'queries', params: QueryIdParamsSchema, errors: [400, 404], summary: 'Every version of a saved query, newest first', reply: { name: 'SavedQueryHistory', schema: SavedQueryHistorySchema } },
  restoreQuery: { method: 'post', path: '/queries/:id/restore', role: 'editor', tag: 'queries', params: QueryIdParamsSchema, body: RestoreInputSchema, errors: [400, 403, 404], summary: 'Make an old version current again (a new version)', reply: savedQuery },
  runQuery: { method: 'post', path: '/queries/:id/run', role: 'analyst', tag: 'queries', params: QueryIdParamsSchema, body: RunInputSchema, errors: [400, 403, 404, 408, 429], summary: 'Run a saved query with parameter values', reply: runResult },
  runCypher: { method: 'post', path: '/cypher', role: 'analyst', tag: 'queries', body: CypherInputSchema, errors: [400, 403, 408, 429], summary: 'Run ad-hoc read-only Cypher, bounded in rows, bytes and time', reply: runResult },
  checkCypher: { method: 'post', path: '/cypher/check', role: 'analyst', tag: 'queries', body: CypherCheckInputSchema, errors: [400, 403], summary: 'Check Cypher is read-only and list the parameters it uses', reply: { name: 'CypherCheck', schema: CypherCheckSchema } },
});
