import type { Router } from 'express';
import { exploreOperations } from '../../shared/contract/explore-operations.js';
import type { Database } from '../db/neo4j.js';
import { edgeDetails } from '../services/edge-service.js';
import { evidenceDetails } from '../services/evidence-service.js';
import { neighbors } from '../services/neighbor-service.js';
import { nodeDetails } from '../services/node-service.js';
import { overview } from '../services/overview-service.js';
import { findPaths } from '../services/path-service.js';
import { schemaSummary } from '../services/schema-service.js';
import { search } from '../services/search-service.js';
import { sourceText } from '../services/source-service.js';
import { subgraph } from '../services/subgraph-service.js';
import { operationRouter } from './operation-router.js';

/** The explorer's read API: schema, search, overview, nodes, neighbours, paths, subgraphs, edges, evidence and source texts. */
export function exploreRoutes(db: Database): Router {
  return operationRouter(exploreOperations, {
    getSchema: () => schemaSummary(db),
    search: async ({ query: { q, labels, limit } }) => ({ hits: await search(db, q, labels, limit) }),
    getOverview: ({ query: { limit } }) => overview(db, limit),
    getNode: ({ params }) => nodeDetails(db, params.id),
    getNeighbors: ({ params, query }) => neighbors(db, params.id, query),
    getPaths: ({ query }) => findPaths(db, query),
    getSubgraph: ({ body: { ids } }) => subgraph(db, ids),
    getEdge: ({ params }) => edgeDetails(db, params.id),
    getEvidence: ({ params }) => evidenceDetails(db, params.id),
    getSourceText: ({ params, query }) => sourceText(db, params.id, query.version),
  });
}
