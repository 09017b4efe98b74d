/**
 * Threadline used to keep users, sessions and API tokens as nodes in the content graph, where analysts' Cypher
 * could read them. On start they move to the login database: copied first (MERGE by key, keeping what the login
 * database already has, so a re-run after a crash adds nothing twice), then deleted from the content graph.
 */
import type { Database } from '../db/neo4j.js';
import { SESSION, TOKEN, USER } from './user-store.js';

export interface LoginCounts {
  users: number;
  sessions: number;
  tokens: number;
}

const KINDS = [
  { count: 'users', label: USER, key: 'name' },
  { count: 'sessions', label: SESSION, key: 'hash' },
  { count: 'tokens', label: TOKEN, key: 'hash' },
] as const;

/** The schema that served them in the content graph (server/auth/user-store.ts, ensureAuthSchema). */
const OLD_SCHEMA = ['DROP CONSTRAINT user_name', 'DROP CONSTRAINT session_hash', 'DROP CONSTRAINT token_hash', 'DROP INDEX token_user', 'DROP INDEX session_user'];

async function propertiesOf(content: Database, label: string): Promise<Record<string, unknown>[]> {
  const result = await content.read((tx) => tx.run(`MATCH (n:${label}) RETURN properties(n) AS p`));
  return result.records.map((r) => r.get('p') as Record<string, unknown>);
}

/** Old-style login nodes still in the content graph. */
export async function countLoginsInContent(content: Database): Promise<LoginCounts> {
  const counts = { users: 0, sessions: 0, tokens: 0 };
  for (const kind of KINDS) counts[kind.count] = (await propertiesOf(content, kind.label)).length;
  return counts;
}

export async function moveLoginsFromContent(content: Database, loginDb: Database): Promise<LoginCounts> {
  const moved = { users: 0, sessions: 0, tokens: 0 };
  for (const { count, label, key } of KINDS) {
    const rows = await propertiesOf(content, label);
    if (rows.length === 0) continue;
    await loginDb.write((tx) => tx.run(`UNWIND $rows AS p MERGE (n:${label} {${key}: p.${key}}) ON CREATE SET n = p`, { rows }));
    await content.write((tx) => tx.run(`UNWIND $keys AS k MATCH (n:${label} {${key}: k}) DETACH DELETE n`, { keys: rows.map((r) => r[key]) }));
    moved[count] = rows.length;
  }
  for (const statement of OLD_SCHEMA) await content.driver.executeQuery(`${statement} IF EXISTS`, {}, { database: content.database });
  return moved;
}

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "2 users, 3 sessions and 1 token", or null for none. */
export function describeLogins({ users, sessions, tokens }: LoginCounts): string | null {
  if (users + sessions + tokens === 0) return null;
  return `${counted(users, 'user')}, ${counted(sessions, 'session')} and ${counted(tokens, 'token')}`;
}
