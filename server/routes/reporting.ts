import type { Router } from 'express';
import { reportingOperations } from '../../shared/contract/reporting-operations.js';
import { authorOf } from '../auth/request-identity.js';
import type { Database } from '../db/neo4j.js';
import { listChanges, revertChange } from '../services/reporting/changes.js';
import { addClaim } from '../services/reporting/claims.js';
import { editEntity } from '../services/reporting/edit-entity.js';
import { matchEntities } from '../services/reporting/entity-match.js';
import { importEntities } from '../services/reporting/import-entities.js';
import { mergeEntities, previewMerge } from '../services/reporting/merge-entities.js';
import { retractClaim } from '../services/reporting/retract.js';
import { addSourceVersion } from '../services/reporting/source-versions.js';
import { addSource, listSources, sourceDetails } from '../services/reporting/sources.js';
import { operationRouter } from './operation-router.js';

/** Reporting: sources, entity matching, claims, retractions, entity edits and merges, and the changesets that record and revert them. */
export function reportingRoutes(db: Database): Router {
  return operationRouter(reportingOperations, {
    listSources: ({ query }) => listSources(db, query),
    addSource: async ({ body }, req, res) => {
      const created = await addSource(db, body, authorOf(req));
      res.location(`/api/sources/${created.source.id}`);
      return created;
    },
    getSource: ({ params: { id }, query: { version } }) => sourceDetails(db, id, version),
    matchEntities: async ({ query: { name, kind, limit } }) => ({ candidates: await db.read((tx) => matchEntities(tx, name, kind, limit)) }),
    addClaim: ({ body }, req) => addClaim(db, body, authorOf(req)),
    retractClaim: ({ params: { id }, body: { reason } }, req) => retractClaim(db, id, reason, authorOf(req)),
    listChanges: ({ query }) => listChanges(db, query),
    revertChange: ({ params: { id } }, req) => revertChange(db, id, authorOf(req)),
    getImportEntities: ({ params: { id }, query: { limit } }) => importEntities(db, id, limit),
    editEntity: ({ params: { id }, body }, req) => editEntity(db, id, body, authorOf(req)),
    addSourceVersion: async ({ params: { id }, body }, req, res) => {
      const created = await addSourceVersion(db, id, body, authorOf(req));
      res.location(`/api/sources/${id}?version=${created.source.version}`);
      return created;
    },
    previewMerge: ({ params: { id }, query: { into } }) => previewMerge(db, id, into),
    mergeNode: ({ params: { id }, body }, req) => mergeEntities(db, id, body, authorOf(req)),
  });
}
