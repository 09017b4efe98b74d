/**
 * The API's gate, run before every route: works out who is asking (local user, session cookie or bearer token),
 * refuses cross-site writes, then enforces the role its operation declares (route-roles.ts): anonymous → 401, a role too low → 403.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Database } from '../db/neo4j.js';
import { AppError } from '../errors.js';
import type { AccessMode } from './access-mode.js';
import { isLoopbackHost } from './access-mode.js';
import { clearSessionCookie, readCookie, SESSION_COOKIE } from './cookies.js';
import './request-identity.js';
import { requireLoginDb } from './login-db.js';
import { hasRole, type Identity } from './roles.js';
import { NO_IDENTITY, routeFor } from './route-roles.js';
import { sessionUser, tokenUser } from './session-store.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const LOCAL_USER: Identity = { name: 'local', role: 'admin', via: 'local' };

/** `loginDb` is the login database (users, sessions, tokens); without logins it is not needed. */
export function authenticate(loginDb: Database | undefined, mode: AccessMode): RequestHandler {
  return (req, res, next) => {
    gate(loginDb, mode, req, res).then(() => next(), next);
  };
}

async function gate(loginDb: Database | undefined, mode: AccessMode, req: Request, res: Response): Promise<void> {
  const entry = routeFor(req.method, req.path);
  const requirement = entry?.requirement ?? 'admin';
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!SAFE_METHODS.has(req.method) && !bearer) refuseCrossSite(req);

  if (mode === 'local') {
    // Without logins, only this machine may talk to us: a page elsewhere could point its own name at 127.0.0.1.
    const host = req.hostname ?? '';
    if (!isLoopbackHost(host)) {
      throw new AppError('forbidden', `Without logins Threadline answers only to localhost and 127.0.0.1, not ${host}. To serve other names, set AUTH=on and add users.`);
    }
    req.identity = LOCAL_USER;
  } else if (!(entry && NO_IDENTITY.has(entry.key))) {
    req.identity = await identify(requireLoginDb(loginDb), req, res, bearer);
  }
  if (requirement === 'public') return;
  if (!req.identity) throw new AppError('unauthorized', 'Log in first (or send an API token: Authorization: Bearer tl_...).');
  if (!hasRole(req.identity.role, requirement)) {
    throw new AppError('forbidden', `This needs the ${requirement} role; ${req.identity.name} is ${article(req.identity.role)} ${req.identity.role}.`);
  }
}

async function identify(db: Database, req: Request, res: Response, bearer: string | undefined): Promise<Identity | undefined> {
  if (bearer) {
    const user = await tokenUser(db, bearer);
    if (!user) throw new AppError('unauthorized', 'The API token is not valid: it was revoked, or its user removed.');
    return { ...user, via: 'token' };
  }
  const secret = readCookie(req, SESSION_COOKIE);
  if (!secret) return undefined;
  const user = await sessionUser(db, secret);
  if (!user) {
    clearSessionCookie(req, res);
    return undefined;
  }
  return { name: user.name, role: user.role, via: 'session', sessionHash: user.hash };
}

/** State-changing requests from another site are refused (the session cookie is SameSite=Strict as well). */
function refuseCrossSite(req: Request): void {
  const origin = req.headers.origin;
  if (req.headers['sec-fetch-site'] === 'cross-site') throw new AppError('forbidden', 'Cross-site requests may not change anything.');
  if (origin === undefined) return;
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost === null || originHost.toLowerCase() !== (req.host ?? '').toLowerCase()) {
    throw new AppError('forbidden', `Requests from ${origin} may not change anything here.`);
  }
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');
