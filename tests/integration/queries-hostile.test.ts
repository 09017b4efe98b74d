/**
 * Nothing typed into a query may change the graph, its schema, the server or reach outside it:
 * every query below is refused (403, or 400 when Neo4j cannot even parse it), and the database is unchanged after.
 */
import { describe, expect, it } from 'vitest';
import type { ApiError, RunResult } from '../../shared/contract/index.js';
import { useSeededQueryApi } from '../support/query-api.js';
import { counts } from '../support/test-db.js';

const HOSTILE: [string, 403 | 400][] = [
  // Writes
  ["CREATE (n:Hacked {name: 'x'}) RETURN n", 403],
  ["MERGE (n:Entity {id: 'person:mallory'}) RETURN n", 403],
  ["MATCH (n:Person) SET n.name = 'Hacked'", 403],
  ['MATCH (n:Person) SET n:Hacked', 403],
  ['MATCH (n:Person) SET n += {hacked: true}', 403],
  ['MATCH (n:Evidence) DELETE n', 403],
  ['MATCH (n) DETACH DELETE n', 403],
  ['MATCH (n:Person) REMOVE n.name', 403],
  ['MATCH (n:Person) REMOVE n:Person', 403],
  ['MATCH ()-[r]->() DELETE r', 403],
  ['FOREACH (x IN range(1, 3) | CREATE (:Hacked))', 403],
  ["MATCH (a:Person), (b:Person) WHERE a <> b CREATE (a)-[:HACKED]->(b)", 403],
  // Writes hidden in subqueries, unions, comments and odd spacing
  ['MATCH (n:Person) CALL (n) { SET n.hacked = true } RETURN count(*)', 403],
  ['MATCH (n:Person) WITH n LIMIT 1 CALL { WITH n DETACH DELETE n } RETURN 1', 403],
  ['RETURN 1 AS x UNION MATCH (n) DETACH DELETE n RETURN 2 AS x', 403],
  ["MATCH (n) RETURN count(n) AS c UNION ALL CREATE (m:Hacked) RETURN 0 AS c", 403],
  ['/* just reading */ CREATE (:Hacked)', 403],
  ['MATCH (n) // RETURN n\nDETACH DELETE n', 403],
  ["MATCH (n)\u00a0WHERE n.name = 'x'\u2003CREATE (:Hacked)", 403],
  ['MATCH (n)\tDETACH\u000bDELETE\u000cn', 403],
  ['WITH 1 AS x CALL { CREATE (h:Hacked) RETURN h } RETURN h', 403],
  ['MATCH (n:Person) WITH collect(n) AS people UNWIND people AS p SET p.hacked = 1', 403],
  // Unicode tricks Neo4j does not take as keywords (refused by the parser)
  ['CRE\u200bATE (:Hacked)', 400],
  ['ＣＲＥＡＴＥ (:Hacked)', 400],
  ['MATCH (n) RETURN n; CREATE (:Hacked)', 400],
  // Schema
  ['CREATE INDEX hacked_index FOR (n:Person) ON (n.hacked)', 403],
  ['CREATE CONSTRAINT hacked_constraint FOR (n:Hacked) REQUIRE n.id IS UNIQUE', 403],
  ['DROP CONSTRAINT entity_id', 403],
  ['DROP INDEX entity_search', 403],
  ["CREATE FULLTEXT INDEX hacked_ft FOR (n:Person) ON EACH [n.name]", 403],
  // Files and URLs
  ["LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 403],
  ["LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:1/x.csv' AS row CREATE (:Hacked)", 403],
  ["load\u00a0csv from 'file:///etc/hosts' as l return l", 403],
  // Procedures: admin, writing, outside the allow-list, not installed
  ['CALL dbms.listConfig()', 403],
  ["CALL dbms.queryJmx('*:*')", 403],
  ['CALL dbms.components()', 403],
  ['CALL dbms.showCurrentUser()', 403],
  ["CALL dbms.security.createUser('mallory', 'password123', false)", 403],
  ['CALL db.clearQueryCaches()', 403],
  ["CALL db.createLabel('Hacked')", 403],
  ["CALL db.createProperty('hacked')", 403],
  ["CALL db.createRelationshipType('HACKED')", 403],
  ["CALL db.stats.retrieve('GRAPH COUNTS')", 403],
  ["CALL `db`.`createLabel`('Hacked')", 403],
  ["RETURN 1 AS x UNION CALL db.createLabel('Hacked') RETURN 2 AS x", 403],
  ["CALL tx.setMetaData({hacked: true})", 403],
  ["CALL apoc.cypher.runWrite('CREATE (:Hacked)', {})", 403],
  ["CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})", 403],
  ["CALL apoc.load.json('file:///etc/passwd')", 403],
  // Other databases, transactions, administration
  ['USE system SHOW USERS', 403],
  ['USE system CALL dbms.showCurrentUser()', 403],
  ['USE neo4j MATCH (n) DETACH DELETE n', 403],
  ['CALL { USE system SHOW DATABASES } RETURN 1', 403],
  ['SHOW USERS', 403],
  ['SHOW DATABASES', 403],
  ['SHOW TRANSACTIONS', 403],
  ['SHOW SETTINGS', 403],
  ['SHOW PROCEDURES', 403],
  ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 403],
  ["CREATE USER mallory SET PASSWORD 'password123'", 403],
  ['CREATE DATABASE hacked', 403],
  ['CREATE OR REPLACE ROLE hacker', 403],
  ['DROP USER neo4j', 403],
  ["ALTER USER neo4j SET PASSWORD 'password123'", 403],
  ['STOP DATABASE neo4j', 403],
  ['GRANT ROLE admin TO mallory', 403],
  ['UNWIND range(1, 3) AS i CALL (i) { CREATE (:Hacked {i: i}) } IN TRANSACTIONS OF 1 ROW RETURN count(*)', 403],
  ['MATCH (n) CALL (n) { DETACH DELETE n } IN CONCURRENT TRANSACTIONS', 403],
  ['CYPHER runtime=slotted CREATE (:Hacked)', 403],
  // Threadline's own data
  ['MATCH (q:_SavedQuery) RETURN q', 403],
  ['MATCH (q:`_SavedQuery`) DETACH DELETE q', 403],
  ['MATCH (v) WHERE v:_SavedQueryVersion RETURN v.cypher', 403],
  ["MATCH (n:$($label)) RETURN n", 403],
  // Planning tricks
  ['EXPLAIN CREATE (:Hacked)', 400],
  ['PROFILE MATCH (n) DETACH DELETE n', 400],
];

const api = useSeededQueryApi();

async function databaseState() {
  const labels = await api.db.driver.executeQuery('CALL db.labels() YIELD label RETURN collect(label) AS all');
  const schema = await api.db.driver.executeQuery('SHOW INDEXES YIELD name RETURN collect(name) AS all');
  const users = await api.db.driver.executeQuery('SHOW USERS YIELD user RETURN collect(user) AS all', {}, { database: 'system' });
  const hacked = await api.db.driver.executeQuery('MATCH (n) WHERE n.hacked IS NOT NULL OR n.name = "Hacked" RETURN count(n) AS c');
  return {
    ...(await counts(api.db)),
    labels: (labels.records[0]!.get('all') as string[]).sort(),
    indexes: (schema.records[0]!.get('all') as string[]).sort(),
    users: users.records[0]!.get('all') as string[],
    hacked: hacked.records[0]!.get('c') as number,
  };
}

describe('a corpus of hostile queries', () => {
  it(`has at least 30 entries (${HOSTILE.length})`, () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
  });

  it('is refused one by one, ad hoc and as saved queries, and leaves the database exactly as it was', async () => {
    const before = await databaseState();
    const outcomes: { query: string; status: number; code: string }[] = [];
    for (const [query, expected] of HOSTILE) {
      const { status, body } = await api.call<ApiError>('POST', '/api/cypher', { query, params: { label: 'Person' } });
      outcomes.push({ query, status, code: body.error?.code });
      expect({ query, status }).toEqual({ query, status: expected });
      expect(body.error.message.length).toBeGreaterThan(10);

      const saved = await api.call<ApiError>('POST', '/api/queries', { name: `hostile ${outcomes.length}`, cypher: query });
      expect({ query, saved: saved.status }).toEqual({ query, saved: expected });
    }
    expect(outcomes.filter((o) => o.status === 403).every((o) => o.code === 'forbidden')).toBe(true);
    expect(await databaseState()).toEqual(before);
    expect(before.hacked).toBe(0);
  });

  it('is refused even when stored directly in the library, bypassing the API', async () => {
    await api.db.driver.executeQuery(
      `CREATE (:_SavedQuery {id: 'planted', name: 'Planted', nameKey: 'planted', description: '', cypher: 'MATCH (n) DETACH DELETE n',
        parameters: '[]', tags: [], author: 'mallory', createdAt: datetime(), updatedAt: datetime(), version: 1})`,
    );
    const before = await counts(api.db);
    const { status } = await api.call('POST', '/api/queries/planted/run', {});
    expect(status).toBe(403);
    expect(await counts(api.db)).toEqual(before);
    await api.call('DELETE', '/api/queries/planted');
  });

  it('cannot smuggle Cypher through parameters', async () => {
    const injection = "x'}) DETACH DELETE n //";
    const before = await counts(api.db);
    const { status, body } = await api.call<RunResult>('POST', '/api/cypher', { query: 'MATCH (n:Person {name: $name}) RETURN n', params: { name: injection } });
    expect(status).toBe(200);
    expect(body.rows).toEqual([]);
    expect(await counts(api.db)).toEqual(before);
  });

  it('refuses parameters nested deeper than any query needs, naming them, and Neo4j keeps answering', async () => {
    const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);
    const deep = await api.call<ApiError>('POST', '/api/cypher', { query: 'RETURN $p AS p', params: { p: nested(1500) } });
    expect(deep.status).toBe(400);
    expect(deep.body.error.details).toEqual([{ where: 'body.params.p', message: 'nests lists or maps more than 32 deep' }]);
    const saved = await api.call<ApiError>('POST', '/api/queries/no-such-query/run', { params: { p: { a: nested(40) } } });
    expect(saved.status).toBe(400);
    const fine = await api.call<RunResult>('POST', '/api/cypher', { query: 'RETURN size($p) AS n', params: { p: nested(32) } });
    expect(fine.status).toBe(200);
    expect(fine.body.rows).toEqual([{ n: 1 }]);
  });

  it('still runs ordinary reads that merely mention dangerous words', async () => {
    const reads = [
      "MATCH (n:Person) WHERE n.name <> 'CREATE (:Hacked)' RETURN n.name AS name",
      'MATCH (n:Person) // DETACH DELETE n\nRETURN count(n) AS people',
      'WITH [1, 2] AS transactions UNWIND transactions AS use RETURN use',
      'CALL db.labels() YIELD label WHERE NOT label STARTS WITH "_" RETURN label',
      "CALL db.index.fulltext.queryNodes('entity_search', 'rubio') YIELD node, score RETURN node.name AS name, score",
      'CALL () { MATCH (n:Deal) RETURN n } RETURN n.name AS deal',
    ];
    for (const query of reads) {
      const { status } = await api.call('POST', '/api/cypher', { query });
      expect({ query, status }).toEqual({ query, status: 200 });
    }
  });
});
