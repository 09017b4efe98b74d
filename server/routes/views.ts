import type { Router } from 'express';
import { viewOperations } from '../../shared/contract/view-operations.js';
import { authorOf } from '../auth/request-identity.js';
import type { Database } from '../db/neo4j.js';
import { deleteView, getView, listViews, saveView } from '../services/view-store.js';
import { operationRouter } from './operation-router.js';

export function viewRoutes(db: Database): Router {
  return operationRouter(viewOperations, {
    listViews: async () => ({ views: await listViews(db) }),
    saveView: async ({ body }, req, res) => {
      const { view, created } = await saveView(db, body, authorOf(req));
      res.status(created ? 201 : 200).location(`/api/views/${view.id}`).json(view);
    },
    getView: ({ params: { id } }) => getView(db, id),
    deleteView: ({ params: { id } }) => deleteView(db, id),
  });
}
