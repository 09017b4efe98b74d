import { Router } from 'express';
import { SavedViewInputSchema, ViewIdParamsSchema, type SavedViewList } from '../../shared/contract/index.js';
import { authorOf } from '../auth/request-identity.js';
import type { Database } from '../db/neo4j.js';
import { deleteView, getView, listViews, saveView } from '../services/view-store.js';
import { parse } from './validate.js';

export function viewRoutes(db: Database): Router {
  const idOf = (params: unknown) => parse(ViewIdParamsSchema, params, 'params').id;
  return Router()
    .get('/views', async (_req, res) => {
      const reply: SavedViewList = { views: await listViews(db) };
      res.json(reply);
    })
    .post('/views', async (req, res) => {
      const { view, created } = await saveView(db, parse(SavedViewInputSchema, req.body, 'body'), authorOf(req));
      res.status(created ? 201 : 200).location(`/api/views/${view.id}`).json(view);
    })
    .get('/views/:id', async (req, res) => {
      res.json(await getView(db, idOf(req.params)));
    })
    .delete('/views/:id', async (req, res) => {
      await deleteView(db, idOf(req.params));
      res.status(204).end();
    });
}
