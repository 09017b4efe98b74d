import { Router } from 'express';
import { UserInputSchema, UserNameParamsSchema, type UserList } from '../../shared/contract/index.js';
import { listUsers, removeUser, saveUser } from '../auth/user-store.js';
import type { Database } from '../db/neo4j.js';
import { parse } from './validate.js';

/** User management (admin only, see server/auth/route-roles.ts). */
export function userRoutes(db: Database): Router {
  return Router()
    .get('/users', async (_req, res) => {
      const reply: UserList = { users: await listUsers(db) };
      res.json(reply);
    })
    .post('/users', async (req, res) => {
      const { user, created } = await saveUser(db, parse(UserInputSchema, req.body, 'body'));
      res.status(created ? 201 : 200).json(user);
    })
    .delete('/users/:name', async (req, res) => {
      await removeUser(db, parse(UserNameParamsSchema, req.params, 'params').name);
      res.status(204).end();
    });
}
