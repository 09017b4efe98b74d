/**
 * Login data is out of analysts' reach by construction: it lives in a database their Cypher never runs on. A corpus
 * of hostile reads, as analyst and as editor, ad hoc and as saved queries, must never answer with any piece of it:
 * user names, passwords, password hashes and salts, session and token hashes and secrets, raw or transformed.
 * A query the guard refuses is fine; no reply, whatever its status, may carry login data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, createToken } from '../../server/auth/session-store.js';
import { saveUser } from '../../server/auth/user-store.js';
import { call, startAuthServer, userWithToken, type AuthServer } from '../support/auth.js';
import { rows } from '../support/explore-api.js';
import { useTestDatabases } from '../support/test-db.js';

const HOSTILE_READS = [
  'MATCH (n) RETURN n',
  'MATCH (n) RETURN properties(n) AS p',
  'MATCH (n) RETURN n {.*} AS m',
  'MATCH (n) RETURN keys(n) AS k, labels(n) AS l',
  'MATCH (n) UNWIND keys(n) AS k RETURN k, n[k] AS v',
  "MATCH (n) RETURN n['pass' + 'wordHash'] AS h, n['ha' + 'sh'] AS s",
  'MATCH (n) WHERE n.passwordHash IS NOT NULL RETURN n.name, n.role, substring(n.passwordHash, 1) AS h',
  'MATCH (n) RETURN reverse(toString(n.passwordHash)) AS r, reverse(n.name) AS name',
  'MATCH (n) RETURN toUpper(n.name) AS u, toUpper(n.hash) AS h, toLower(n.passwordHash) AS l',
  "MATCH (n) RETURN 'x' + n.name + '|' + coalesce(n.hash, '') + '|' + coalesce(n.passwordHash, '') AS s",
  "MATCH (n) WHERE n.passwordHash IS NOT NULL RETURN split(n.passwordHash, '$') AS parts",
  "MATCH (n) RETURN split(toString(n.passwordHash), '') AS chars",
  'MATCH (n) RETURN size(n.passwordHash) AS len, left(n.passwordHash, 30) AS head, right(n.hash, 30) AS tail',
  'MATCH (n) RETURN collect(properties(n)) AS everything',
  'MATCH (n) WITH collect(n) AS all RETURN [x IN all | [k IN keys(x) | toString(x[k])]] AS dump',
  "MATCH (n) RETURN reduce(s = '', k IN keys(n) | s + k + '=' + toString(n[k]) + ';') AS flat",
  "MATCH (n) WITH n, [k IN keys(n) WHERE k CONTAINS 'ash' OR k = 'name' OR k = 'user' | n[k]] AS vals RETURN vals",
  "MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH '_') RETURN properties(n) AS p",
  'MATCH (u:_User) RETURN u.name, u.passwordHash',
  'MATCH (s:_Session) RETURN s.hash, s.user',
  'MATCH (n) RETURN n.name AS v UNION MATCH (n) RETURN n.hash AS v UNION MATCH (n) RETURN n.passwordHash AS v',
  'MATCH (n) RETURN n.user AS v UNION ALL MATCH (n) RETURN n.id AS v',
  'CALL () { MATCH (n) RETURN n.passwordHash AS h, n.hash AS s } RETURN h, s',
  'CALL { MATCH (n) RETURN n.name AS name } RETURN toUpper(name) AS name',
  'CALL db.labels() YIELD label RETURN collect(label) AS labels',
  'CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS keys',
  'CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types',
  'CALL db.schema.visualization()',
  "CALL db.index.fulltext.queryNodes('entity_search', 'zqxvictim* OR ingrid OR oskar') YIELD node RETURN properties(node) AS p",
  'MATCH p = (a)-[*0..1]-(b) RETURN p LIMIT 2000',
  'MATCH (n) RETURN toString(n.createdAt) AS created, toString(n.expiresAt) AS expires, n.lastUsedAt AS used',
  "MATCH (n) WHERE n.name STARTS WITH 'zqx' OR n.user STARTS WITH 'zqx' RETURN n.name, n.user",
  'SHOW INDEXES',
  'SHOW CONSTRAINTS',
  'SHOW DATABASES',
  'SHOW USERS',
  'SHOW TRANSACTIONS',
  'USE system SHOW USERS',
  'USE neo4j MATCH (n) RETURN properties(n) AS p',
];

const { db, loginDb } = useTestDatabases();
let server: AuthServer;
const callers = {} as Record<'analyst' | 'editor', string>;
/** Every piece of login data, in the forms a query could turn it into. */
const needles = new Set<string>();

/** Who sends the corpus: their names are in replies legitimately, as authors of the saved queries. */
const CALLERS = ['iso-analyst', 'iso-editor'];
const VICTIMS = [
  { name: 'zqxvictim-ingrid', password: 'Ingrid-unmistakable-passphrase-7741' },
  { name: 'zqxvictim-oskar', password: 'Oskar-unmistakable-passphrase-3302' },
];

function addNeedle(value: string): void {
  for (const form of [value, [...value].reverse().join(''), value.toUpperCase(), value.toLowerCase()]) needles.add(form);
  // A piece from the middle stands for substring(), left() and right().
  if (value.length >= 32) needles.add(value.slice(8, 24));
}

/** Every string the login database holds, except roles and token names (ordinary words); the callers' names may appear as authors. */
async function collectLoginData(secrets: string[]): Promise<void> {
  const stored = await rows<{ p: Record<string, unknown> }>(loginDb, 'MATCH (n) RETURN properties(n) AS p');
  for (const { p } of stored) {
    for (const [key, value] of Object.entries(p)) {
      if (typeof value !== 'string' || key === 'role' || (key === 'name' && 'id' in p)) continue;
      if (CALLERS.includes(value)) continue;
      addNeedle(value);
      if (key === 'passwordHash') for (const part of value.split('$').filter((x) => x.length >= 16)) addNeedle(part);
    }
  }
  for (const secret of secrets) addNeedle(secret);
}

const leaks = (reply: string) => [...needles].filter((needle) => reply.includes(needle));

beforeAll(async () => {
  callers.analyst = await userWithToken(loginDb, 'analyst', CALLERS[0]);
  callers.editor = await userWithToken(loginDb, 'editor', CALLERS[1]);
  const secrets = VICTIMS.map((v) => v.password);
  for (const victim of VICTIMS) {
    await saveUser(loginDb, { name: victim.name, role: 'admin', password: victim.password });
    secrets.push((await createSession(loginDb, victim.name, 3_600_000)).secret, (await createToken(loginDb, victim.name, 'victim script')).token);
  }
  secrets.push(callers.analyst, callers.editor);
  await collectLoginData(secrets);
  server = await startAuthServer(db, loginDb);
});

afterAll(async () => {
  await server?.close();
});

describe('login data and analysts\' Cypher', () => {
  it(`has a corpus of at least 30 hostile reads (${HOSTILE_READS.length}) and needles that find login data where it is`, async () => {
    expect(HOSTILE_READS.length).toBeGreaterThanOrEqual(30);
    expect(needles.size).toBeGreaterThan(100);
    // The same kind of read against the login database itself: the check below would see it.
    const direct = JSON.stringify(await rows(loginDb, 'MATCH (n) RETURN properties(n) AS p'));
    for (const victim of VICTIMS) expect(leaks(direct)).toContain(victim.name);
    expect(leaks(direct.toUpperCase()).length).toBeGreaterThan(10);
  });

  it('never answers with any of it, ad hoc or as a saved query, as analyst or as editor', async () => {
    const api = `${server.url}/api`;
    const found: string[] = [];
    let answered = 0;
    for (const [i, query] of HOSTILE_READS.entries()) {
      const replies: { how: string; status: number; body: unknown }[] = [];
      for (const role of ['analyst', 'editor'] as const) {
        replies.push({ how: `ad hoc as ${role}`, ...(await call(`${api}/cypher`, { token: callers[role], body: { query } })) });
      }
      const saved = await call<{ id: string }>(`${api}/queries`, { token: callers.editor, body: { name: `isolation ${i}`, cypher: query } });
      replies.push({ how: 'saving', ...saved });
      if (saved.status === 201) {
        for (const role of ['analyst', 'editor'] as const) {
          replies.push({ how: `saved, run as ${role}`, ...(await call(`${api}/queries/${saved.body.id}/run`, { token: callers[role], body: {} })) });
        }
      }
      for (const reply of replies) {
        if (reply.status === 200) answered += 1;
        const leaked = leaks(JSON.stringify(reply.body));
        if (leaked.length) found.push(`${query} (${reply.how}, ${reply.status}): ${leaked.slice(0, 3).join(', ')}`);
      }
    }
    console.log(`[login-isolation] ${HOSTILE_READS.length} reads, ${answered} answered 200 (ad hoc and saved, as analyst and editor), none with login data`);
    expect(found).toEqual([]);
    // Most of the corpus runs: the point is what a read that is allowed can see.
    expect(answered).toBeGreaterThan(HOSTILE_READS.length);
  });

  it('leaves nothing of them in the content graph', async () => {
    const left = await rows<{ n: number }>(db, 'MATCH (n) WHERE n:_User OR n:_Session OR n:_Token OR n.passwordHash IS NOT NULL RETURN count(n) AS n');
    expect(left[0]!.n).toBe(0);
  });
});
