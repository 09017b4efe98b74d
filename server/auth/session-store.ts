/** Login sessions and API tokens: bearer secrets are never stored, only their SHA-256. */
import type { Token } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { AppError } from '../errors.js';
import type { Role } from './roles.js';
import { newSecret, sha256, TOKEN_PREFIX } from './secrets.js';
import { SESSION, TOKEN, USER } from './user-store.js';

export async function createSession(db: Database, user: string, ttlMs: number): Promise<{ secret: string; expiresAt: Date }> {
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.write(async (tx) => {
    await tx.run(`MATCH (s:${SESSION}) WHERE s.expiresAt < datetime() WITH s LIMIT 1000 DELETE s`);
    await tx.run(`CREATE (:${SESSION} {hash: $hash, user: $user, createdAt: datetime(), expiresAt: datetime($expiresAt)})`, {
      hash: sha256(secret),
      user,
      expiresAt: expiresAt.toISOString(),
    });
  });
  return { secret, expiresAt };
}

/** The user behind a live session cookie, or null. */
export async function sessionUser(db: Database, secret: string): Promise<{ name: string; role: Role; hash: string } | null> {
  const hash = sha256(secret);
  const result = await db.read((tx) =>
    tx.run(
      `MATCH (s:${SESSION} {hash: $hash}) WHERE s.expiresAt > datetime()
       MATCH (u:${USER} {name: s.user}) RETURN u.name AS name, u.role AS role`,
      { hash },
    ),
  );
  const record = result.records[0];
  return record ? { ...(record.toObject() as { name: string; role: Role }), hash } : null;
}

export async function deleteSession(db: Database, hash: string): Promise<void> {
  await db.write((tx) => tx.run(`MATCH (s:${SESSION} {hash: $hash}) DELETE s`, { hash }));
}

const TOKEN_FIELDS = 't.id AS id, t.name AS name, toString(t.createdAt) AS createdAt, toString(t.lastUsedAt) AS lastUsedAt';

export async function createToken(db: Database, user: string, name: string): Promise<Token & { token: string }> {
  const token = newSecret(TOKEN_PREFIX);
  const id = newSecret().slice(0, 16);
  const result = await db.write((tx) =>
    tx.run(`CREATE (t:${TOKEN} {id: $id, hash: $hash, user: $user, name: $name, createdAt: datetime()}) RETURN ${TOKEN_FIELDS}`, {
      id,
      hash: sha256(token),
      user,
      name,
    }),
  );
  return { ...(result.records[0]!.toObject() as Token), token };
}

export async function listTokens(db: Database, user: string): Promise<Token[]> {
  const result = await db.read((tx) => tx.run(`MATCH (t:${TOKEN} {user: $user}) RETURN ${TOKEN_FIELDS} ORDER BY t.createdAt`, { user }));
  return result.records.map((r) => r.toObject() as Token);
}

/** Only the owner may revoke a token; someone else's looks the same as one that does not exist. */
export async function revokeToken(db: Database, user: string, id: string): Promise<void> {
  const result = await db.write((tx) => tx.run(`MATCH (t:${TOKEN} {user: $user, id: $id}) DELETE t RETURN count(*) AS n`, { user, id }));
  if (!result.records[0]?.get('n')) throw new AppError('not_found', `You have no API token ${id}`);
}

/** The user behind a bearer token, or null. Last use is recorded at most once a minute. */
export async function tokenUser(db: Database, secret: string): Promise<{ name: string; role: Role } | null> {
  const hash = sha256(secret);
  const result = await db.read((tx) =>
    tx.run(
      `MATCH (t:${TOKEN} {hash: $hash}) MATCH (u:${USER} {name: t.user})
       RETURN u.name AS name, u.role AS role, t.lastUsedAt IS NULL OR t.lastUsedAt < datetime() - duration('PT1M') AS stale`,
      { hash },
    ),
  );
  const record = result.records[0];
  if (!record) return null;
  if (record.get('stale')) await db.write((tx) => tx.run(`MATCH (t:${TOKEN} {hash: $hash}) SET t.lastUsedAt = datetime()`, { hash }));
  return { name: record.get('name'), role: record.get('role') };
}
