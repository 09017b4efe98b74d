/** The login, token and user routes (server/routes/auth.ts, users.ts), described for the OpenAPI document. */
import {
  CreatedTokenSchema,
  LoginInputSchema,
  MeSchema,
  TokenIdParamsSchema,
  TokenInputSchema,
  TokenListSchema,
  UserInputSchema,
  UserListSchema,
  UserNameParamsSchema,
  UserSchema,
} from './auth.js';
import type { ApiOperation } from './openapi.js';

const me = { name: 'Me', schema: MeSchema };

export const authOperations: ApiOperation[] = [
  { method: 'post', path: '/auth/login', operationId: 'login', tag: 'auth', body: LoginInputSchema, errors: [400, 401, 429], summary: 'Log in with a name and password; sets the session cookie', reply: me },
  { method: 'post', path: '/auth/logout', operationId: 'logout', tag: 'auth', summary: 'End this session and clear its cookie', reply: { status: 204, description: 'Logged out' } },
  { method: 'get', path: '/auth/me', operationId: 'getMe', tag: 'auth', errors: [401], summary: 'Who this request is from (401 when nobody is logged in)', reply: me },
  { method: 'get', path: '/auth/tokens', operationId: 'listTokens', tag: 'auth', errors: [401], summary: 'Your API tokens (never their secrets)', reply: { name: 'TokenList', schema: TokenListSchema } },
  {
    method: 'post', path: '/auth/tokens', operationId: 'createToken', tag: 'auth', body: TokenInputSchema, errors: [400, 401],
    summary: 'Create an API token for scripts (`Authorization: Bearer tl_...`); the secret is shown only in this reply',
    reply: { name: 'CreatedToken', schema: CreatedTokenSchema, status: 201 },
  },
  { method: 'delete', path: '/auth/tokens/:id', operationId: 'revokeToken', tag: 'auth', params: TokenIdParamsSchema, errors: [400, 401, 404], summary: 'Revoke one of your API tokens', reply: { status: 204, description: 'Revoked' } },
  { method: 'get', path: '/users', operationId: 'listUsers', tag: 'users', errors: [401, 403], summary: 'Every user and their role (admin)', reply: { name: 'UserList', schema: UserListSchema } },
  { method: 'post', path: '/users', operationId: 'createUser', tag: 'users', body: UserInputSchema, errors: [400, 401, 403], summary: 'Add a user, or change the role and password of one (admin)', reply: { name: 'User', schema: UserSchema, status: 201 } },
  { method: 'delete', path: '/users/:name', operationId: 'deleteUser', tag: 'users', params: UserNameParamsSchema, errors: [400, 401, 403, 404], summary: 'Remove a user, their sessions and tokens (admin)', reply: { status: 204, description: 'Removed' } },
];
