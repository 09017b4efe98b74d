import { Router } from 'express';
import { LoginInputSchema, TokenIdParamsSchema, TokenInputSchema, type Me, type TokenList } from '../../shared/contract/index.js';
import type { AccessMode } from '../auth/access-mode.js';
import { clearSessionCookie, setSessionCookie } from '../auth/cookies.js';
import { requireLoginDb } from '../auth/login-db.js';
import { logIn } from '../auth/login.js';
import type { Identity } from '../auth/roles.js';
import { createToken, deleteSession, listTokens, revokeToken } from '../auth/session-store.js';
import type { Database } from '../db/neo4j.js';
import { AppError } from '../errors.js';
import { rateLimit } from '../http/rate-limit.js';
import { parse } from './validate.js';

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
  return Router()
    .post('/auth/login', rateLimit(loginsPerMinute, (req) => req.ip, 'address: login attempts'), async (req, res) => {
      const input = parse(LoginInputSchema, req.body, 'body');
      if (mode === 'local') throw new AppError('bad_request', 'Logins are off: Threadline is bound to this machine only.');
      const session = await logIn(requireLoginDb(loginDb), input, sessionTtlMs);
      setSessionCookie(req, res, session.secret, sessionTtlMs);
      res.json(me({ name: session.name, role: session.role, via: 'session' }, mode));
    })
    .post('/auth/logout', async (req, res) => {
      if (req.identity?.sessionHash) await deleteSession(requireLoginDb(loginDb), req.identity.sessionHash);
      clearSessionCookie(req, res);
      res.status(204).end();
    })
    .get('/auth/me', (req, res) => {
      if (!req.identity) throw new AppError('unauthorized', 'Nobody is logged in.');
      res.json(me(req.identity, mode));
    })
    .get('/auth/tokens', async (req, res) => {
      const reply: TokenList = { tokens: await listTokens(requireLoginDb(loginDb), user(req.identity)) };
      res.json(reply);
    })
    .post('/auth/tokens', async (req, res) => {
      const owner = user(req.identity);
      const { name } = parse(TokenInputSchema, req.body, 'body');
      res.status(201).json(await createToken(requireLoginDb(loginDb), owner, name));
    })
    .delete('/auth/tokens/:id', async (req, res) => {
      const owner = user(req.identity);
      await revokeToken(requireLoginDb(loginDb), owner, parse(TokenIdParamsSchema, req.params, 'params').id);
      res.status(204).end();
    });
}
