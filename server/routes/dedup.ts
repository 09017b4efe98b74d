import type { Router } from 'express';
import { dedupOperations } from '../../shared/contract/dedup-operations.js';
import { authorOf } from '../auth/request-identity.js';
import type { Database } from '../db/neo4j.js';
import { listCandidates } from '../services/dedup/candidates.js';
import { judgePair } from '../services/dedup/judge-pair.js';
import { operationRouter } from './operation-router.js';

/** Deduplication: the pairs of entities that may be one, and the judgements on them. */
export function dedupRoutes(db: Database): Router {
  return operationRouter(dedupOperations, {
    listDedupCandidates: ({ query }) => listCandidates(db, query),
    judgeDedupPair: ({ body }, req) => judgePair(db, body, authorOf(req)),
  });
}
