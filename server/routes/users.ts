import type { Router } from 'express';
import { userOperations } from '../../shared/contract/user-operations.js';
import { requireLoginDb } from '../auth/login-db.js';
import { listUsers, removeUser, saveUser } from '../auth/user-store.js';
import type { Database } from '../db/neo4j.js';
import { operationRouter } from './operation-router.js';

/** User management (admin only, see shared/contract/user-operations.ts), in the login database. */
export function userRoutes(loginDb: Database | undefined): Router {
  return operationRouter(userOperations, {
    listUsers: async () => ({ users: await listUsers(requireLoginDb(loginDb)) }),
    createUser: async ({ body }, _req, res) => {
      const { user, created } = await saveUser(requireLoginDb(loginDb), body);
      res.status(created ? 201 : 200).json(user);
    },
    deleteUser: ({ params: { name } }) => removeUser(requireLoginDb(loginDb), name),
  });
}
