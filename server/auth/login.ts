import type { LoginInput } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { AppError } from '../errors.js';
import { verifyNothing, verifyPassword } from './password.js';
import type { Role } from './roles.js';
import { createSession } from './session-store.js';
import { findCredentials } from './user-store.js';

/** Checks the password (as slowly for an unknown name as for a known one) and opens a session. */
export async function logIn(db: Database, input: LoginInput, ttlMs: number): Promise<{ name: string; role: Role; secret: string }> {
  const found = await findCredentials(db, input.name);
  const ok = found ? await verifyPassword(input.password, found.passwordHash) : await verifyNothing(input.password);
  if (!found || !ok) throw new AppError('unauthorized', 'Wrong name or password.');
  const { secret } = await createSession(db, input.name, ttlMs);
  return { name: input.name, role: found.role, secret };
}
