import type { Database } from '../db/neo4j.js';
import { AppError } from '../errors.js';

/**
 * The login database, which only the auth middleware and the auth and user routes are given. It is missing only
 * with NEO4J_URI, no AUTH_NEO4J_URI and logins off: then there are no users to manage.
 */
export function requireLoginDb(loginDb: Database | undefined): Database {
  if (!loginDb) {
    throw new AppError('bad_request', 'There is no login database (NEO4J_URI is set without AUTH_NEO4J_URI), so there are no users: set AUTH_NEO4J_URI to manage them.');
  }
  return loginDb;
}
