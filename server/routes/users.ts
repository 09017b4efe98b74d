import { Router } from 'express';
import { UserInputSchema, UserNameParamsSchema, type UserList } from '../../shared/contract/index.js';
import { requireLoginDb } from '../auth/login-db.js';
import { listUsers, removeUser, saveUser } from '../auth/user-store.js';
import type { Database } from '../db/neo4j.js';
import { parse } from './validate.js';

/** User management (admin only, see server/auth/route-roles.ts), in the login database. */
export function userRoutes(loginDb: Database | undefined): Router {
  return Router()
    .get('/users', async (_req, res) => {
      const reply: UserList = { users: await listUsers(requireLoginDb(loginDb)) };
      res.json(reply);
    })
    .post('/users', async (req, res) => {
      const input = parse(UserInputSchema, req.body, 'body');
      const { user, created } = await saveUser(requireLoginDb(loginDb), input);
      res.status(created ? 201 : 200).json(user);
    })
    .delete('/users/:name', async (req, res) => {
      const { name } = parse(UserNameParamsSchema, req.params, 'params');
      await removeUser(requireLoginDb(loginDb), name);
      res.status(204).end();
    });
}
