/** Logging in and out, who am I, and the caller's own API tokens (server/routes/auth.ts). */
import { CreatedTokenSchema, LoginInputSchema, MeSchema, TokenIdParamsSchema, TokenInputSchema, TokenListSchema } from './auth.js';
import { defineOperations } from './operation.js';

const me = { name: 'Me', schema: MeSchema };

export const authOperations = defineOperations({
  login: { method: 'post', path: '/auth/login', role: 'public', tag: 'auth', body: LoginInputSchema, errors: [400, 401, 429], summary: 'Log in with a name and password; sets the session cookie', reply: me },
  logout: { method: 'post', path: '/auth/logout', role: 'public', tag: 'auth', summary: 'End this session and clear its cookie', reply: { status: 204, description: 'Logged out' } },
  getMe: { method: 'get', path: '/auth/me', role: 'public', tag: 'auth', errors: [401], summary: 'Who this request is from (401 when nobody is logged in)', reply: me },
  listTokens: { method: 'get', path: '/auth/tokens', role: 'viewer', tag: 'auth', errors: [401], summary: 'Your API tokens (never their secrets)', reply: { name: 'TokenList', schema: TokenListSchema } },
  createToken: {
    method: 'post', path: '/auth/tokens', role: 'viewer', tag: 'auth', body: TokenInputSchema, errors: [400, 401],
    summary: 'Create an API token for scripts (`Authorization: Bearer tl_...`); the secret is shown only in this reply',
    reply: { name: 'CreatedToken', schema: CreatedTokenSchema, status: 201 },
  },
  revokeToken: { method: 'delete', path: '/auth/tokens/:id', role: 'viewer', tag: 'auth', params: TokenIdParamsSchema, errors: [400, 401, 404], summary: 'Revoke one of your API tokens', reply: { status: 204, description: 'Revoked' } },
});
