/**
 * Users, sessions and API tokens live in the login database, a Neo4j database of their own that analysts' Cypher
 * never runs on (see server/db/connect-configured.ts), so every copy of the API sees the same ones:
 *   (:_User {name, role, passwordHash, createdAt})
 *   (:_Session {hash, user, createdAt, expiresAt})      hash = SHA-256 of the cookie value
 *   (:_Token {id, hash, user, name, createdAt, lastUsedAt})  hash = SHA-256 of the bearer secret
 */
import type { User } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { AppError } from '../errors.js';
import { hashPassword } from './password.js';
import type { Role } from './roles.js';

export const USER = '_User';
export const SESSION = '_Session';
export const TOKEN = '_Token';

export async function ensureAuthSchema(db: Database): Promise<void> {
  const statements = [
    `CREATE CONSTRAINT user_name IF NOT EXISTS FOR (u:${USER}) REQUIRE u.name IS UNIQUE`,
    `CREATE CONSTRAINT session_hash IF NOT EXISTS FOR (s:${SESSION}) REQUIRE s.hash IS UNIQUE`,
    `CREATE CONSTRAINT token_hash IF NOT EXISTS FOR (t:${TOKEN}) REQUIRE t.hash IS UNIQUE`,
    `CREATE INDEX token_user IF NOT EXISTS FOR (t:${TOKEN}) ON (t.user)`,
    `CREATE INDEX session_user IF NOT EXISTS FOR (s:${SESSION}) ON (s.user)`,
  ];
  for (const statement of statements) await db.driver.executeQuery(statement, {}, { database: db.database });
}

const FIELDS = 'u.name AS name, u.role AS role, toString(u.createdAt) AS createdAt';

export async function listUsers(db: Database): Promise<User[]> {
  const result = await db.read((tx) => tx.run(`MATCH (u:${USER}) RETURN ${FIELDS} ORDER BY u.name`));
  return result.records.map((r) => r.toObject() as User);
}

export async function countAdmins(db: Database): Promise<number> {
  const result = await db.read((tx) => tx.run(`MATCH (u:${USER} {role: 'admin'}) RETURN count(u) AS n`));
  return result.records[0]?.get('n') ?? 0;
}

/** The stored hash and role, for logging in. */
export async function findCredentials(db: Database, name: string): Promise<{ role: Role; passwordHash: string } | null> {
  const result = await db.read((tx) => tx.run(`MATCH (u:${USER} {name: $name}) RETURN u.role AS role, u.passwordHash AS passwordHash`, { name }));
  const record = result.records[0];
  return record ? (record.toObject() as { role: Role; passwordHash: string }) : null;
}

/** Adds a user, or replaces the role and password of an existing one (and ends their sessions). */
export async function saveUser(db: Database, input: { name: string; role: Role; password: string }): Promise<{ user: User; created: boolean }> {
  const passwordHash = await hashPassword(input.password);
  const result = await db.write(async (tx) => {
    const existed = await tx.run(`OPTIONAL MATCH (u:${USER} {name: $name}) RETURN u IS NOT NULL AS existed`, { name: input.name });
    await tx.run(`MATCH (s:${SESSION} {user: $name}) DELETE s`, { name: input.name });
    const saved = await tx.run(
      `MERGE (u:${USER} {name: $name}) ON CREATE SET u.createdAt = datetime()
       SET u.role = $role, u.passwordHash = $passwordHash RETURN ${FIELDS}`,
      { name: input.name, role: input.role, passwordHash },
    );
    return { user: saved.records[0]!.toObject() as User, created: !existed.records[0]!.get('existed') };
  });
  return result;
}

/** Removes a user with their sessions and tokens; refuses to remove the last admin. */
export async function removeUser(db: Database, name: string): Promise<void> {
  await db.write(async (tx) => {
    const found = await tx.run(
      `MATCH (u:${USER} {name: $name})
       OPTIONAL MATCH (other:${USER} {role: 'admin'}) WHERE other.name <> $name
       RETURN u.role AS role, count(other) AS otherAdmins`,
      { name },
    );
    const record = found.records[0];
    if (!record) throw new AppError('not_found', `No user named ${name}`);
    if (record.get('role') === 'admin' && record.get('otherAdmins') === 0) {
      throw new AppError('bad_request', `${name} is the last admin; add another admin before removing this one.`);
    }
    await tx.run(
      `MATCH (u:${USER} {name: $name})
       OPTIONAL MATCH (s:${SESSION} {user: $name})
       OPTIONAL MATCH (t:${TOKEN} {user: $name})
       DETACH DELETE u, s, t`,
      { name },
    );
  });
}
