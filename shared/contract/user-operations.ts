/** User management (server/routes/users.ts): admins only. */
import { UserInputSchema, UserListSchema, UserNameParamsSchema, UserSchema } from './auth.js';
import { defineOperations } from './operation.js';

export const userOperations = defineOperations({
  listUsers: { method: 'get', path: '/users', role: 'admin', tag: 'users', errors: [401, 403], summary: 'Every user and their role (admin)', reply: { name: 'UserList', schema: UserListSchema } },
  createUser: { method: 'post', path: '/users', role: 'admin', tag: 'users', body: UserInputSchema, errors: [400, 401, 403], summary: 'Add a user, or change the role and password of one (admin)', reply: { name: 'User', schema: UserSchema, status: 201 } },
  deleteUser: { method: 'delete', path: '/users/:name', role: 'admin', tag: 'users', params: UserNameParamsSchema, errors: [400, 401, 403, 404], summary: 'Remove a user, their sessions and tokens (admin)', reply: { status: 204, description: 'Removed' } },
});
