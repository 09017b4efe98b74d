import type { Router } from 'express';
import { authOperations } from '../../shared/contract/auth-operations.js';
import type { Me } from '../../shared/contract/index.js';
import type { AccessMode } from '../auth/access-mode.js';
import { clearSessionCookie, setSessionCookie } from '../auth/cookies.js';
import { requireLoginDb } from '../auth/login-db.js';
import { logIn } from '../auth/login.js';
import type { Identity } from '../auth/roles.js';
import { createToken, deleteSession, listTokens, revokeToken } from '../auth/session-store.js';
import type { Database } from '../db/neo4j.js';
import { AppError } from '../errors.js';
import { rateLimit } from '../http/rate-limit.js';
import { operationRouter } from './operation-router.js';

export interface AuthRouteOptions {
  mode: AccessMode;
  sessionTtlMs: number;
  loginsPerMinute: number;
}

const me = (identity: Identity, mode: AccessMode): Me => ({ user: { name: identity.name, role: identity.role }, mode, via: identity.via });

/** Logging in and out, who am I, and the caller's own API tokens, in the login database. */
export function authRoutes(loginDb: Database | undefined, { mode, sessionTtlMs, loginsPerMinute }: AuthRouteOptions): Router {
  const user = (identity: Identity | undefined) => {
    if (!identity) throw new AppError('unauthorized', 'Log in first.');
    if (identity.via === 'local') throw new AppError('bad_request', 'Logins are off (Threadline is bound to this machine only), so there are no API tokens: none are needed.');
    return identity.name;
  };
  return operationRouter(authOperations, {
    login: {
      before: [rateLimit(loginsPerMinute, (req) => req.ip, 'address: login attempts')],
      handler: async ({ body: input }, req, res) => {
        if (mode === 'local') throw new AppError('bad_request', 'Logins are off: Threadline is bound to this machine only.');
        const session = await logIn(requireLoginDb(loginDb), input, sessionTtlMs);
        setSessionCookie(req, res, session.secret, sessionTtlMs);
        return me({ name: session.name, role: session.role, via: 'session' }, mode);
      },
    },
    logout: async (_input, req, res) => {
      if (req.identity?.sessionHash) await deleteSession(requireLoginDb(loginDb), req.identity.sessionHash);
      clearSessionCookie(req, res);
    },
    getMe: (_input, req) => {
      if (!req.identity) throw new AppError('unauthorized', 'Nobody is logged in.');
      return me(req.identity, mode);
    },
    listTokens: async (_input, req) => ({ tokens: await listTokens(requireLoginDb(loginDb), user(req.identity)) }),
    createToken: ({ body: { name } }, req) => createToken(requireLoginDb(loginDb), user(req.identity), name),
    revokeToken: ({ params: { id } }, req) => revokeToken(requireLoginDb(loginDb), user(req.identity), id),
  });
}
