import type { Router } from 'express';
import { userOperations } from '../../shared/contract/user-operations.js';
import { listUsers, removeUser, saveUser } from '../auth/user-store.js';
import type { Database } from '../db/neo4j.js';
import { operationRouter } from './operation-router.js';

/** User management (admin only, see shared/contract/user-operations.ts). */
export function userRoutes(db: Database): Router {
  return operationRouter(userOperations, {
    listUsers: async () => ({ users: await listUsers(db) }),
    createUser: async ({ body }, _req, res) => {
      const { user, created } = await saveUser(db, body);
      res.status(created ? 201 : 200).json(user);
    },
    deleteUser: ({ params: { name } }) => removeUser(db, name),
  });
}
