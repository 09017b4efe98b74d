import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import { inspectPlan, inspectText, type PlanOperator } from '../../server/services/queries/cypher-guard.js';
import { parametersUsed, tokenize } from '../../server/services/queries/cypher-text.js';

function refusal(run: () => unknown): { status: number; message: string } | null {
  try {
    run();
    return null;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { status: err.status, message: err.message };
  }
}

describe('tokenize', () => {
  it('tells keywords from strings, comments and backticked names', () => {
    const tokens = tokenize("MATCH (n:`Odd Label`) // CREATE\nWHERE n.name = 'LOAD CSV \\' USE' /* DELETE */ RETURN $limit, $`odd name`");
    expect(tokens.filter((t) => t.kind === 'word').map((t) => t.text)).toEqual(['MATCH', 'n', 'WHERE', 'n', 'name', 'RETURN']);
    expect(tokens.find((t) => t.kind === 'quoted')?.text).toBe('Odd Label');
    expect(tokens.find((t) => t.kind === 'string')?.text).toBe("LOAD CSV ' USE");
    expect(parametersUsed(tokens)).toEqual(['limit', 'odd name']);
  });

  it('treats Unicode spaces as spaces and reports UTF-16 offsets', () => {
    const tokens = tokenize('😀 LOAD\u00a0CSV\u2003x');
    expect(tokens.map((t) => [t.kind, t.text, t.offset])).toEqual([
      ['punct', '😀', 0],
      ['word', 'LOAD', 3],
      ['word', 'CSV', 8],
      ['word', 'x', 12],
    ]);
  });

  it('refuses unterminated strings, comments and names', () => {
    for (const text of ["RETURN 'abc", 'RETURN 1 /* x', 'MATCH (n:`abc) RETURN n']) {
      expect(refusal(() => inspectText(text))?.status).toBe(400);
    }
  });
});

describe('inspectText', () => {
  it.each([
    ['USE system SHOW USERS', /USE clauses/],
    ['CALL { USE neo4j MATCH (n) RETURN n } RETURN n', /USE clauses/],
    ['MATCH (n) RETURN n UNION ALL USE other MATCH (n) RETURN n', /USE clauses/],
    ["LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", /LOAD CSV/],
    ["load\u00a0csv from 'https://x' as l return l", /LOAD CSV/],
    ['UNWIND [1] AS i CALL (i) { RETURN i AS j } IN 2 CONCURRENT TRANSACTIONS RETURN j', /IN TRANSACTIONS/],
    ['CALL dbms.listConfig()', /dbms\.listConfig is not allowed/],
    ['CALL `apoc`.`cypher`.runWrite("CREATE (n)", {})', /apoc\.cypher\.runWrite is not allowed/],
    ['OPTIONAL CALL db.createLabel("X")', /db\.createLabel/],
    ['MATCH (q:_SavedQuery) RETURN q', /_SavedQuery/],
    ['MATCH (q) WHERE q:`_SavedQuery` RETURN q', /_SavedQuery/],
    ['MATCH (n:Person|_Secret) RETURN n', /_Secret/],
    ['MATCH ()-[r:_HAS_VERSION]->() RETURN r', /_HAS_VERSION/],
    ['MATCH (n:$($label)) RETURN n', /Dynamic labels/],
    ['SHOW USERS', /SHOW commands/],
    ['TERMINATE TRANSACTIONS "x"', /TERMINATE commands/],
    ['GRANT ROLE admin TO bob', /GRANT commands/],
    ['CREATE OR REPLACE DATABASE neo4j', /Administration commands/],
    ['drop user bob', /Administration commands/],
    ['CYPHER runtime=slotted MATCH (n) RETURN n', /Query options/],
    // Labels in every label position, however the expression is written
    ['MATCH (n:(Person|_Secret)) RETURN n', /_Secret/],
    ['MATCH (n:!_Secret) RETURN n', /_Secret/],
    ['MATCH (n:Person&_Secret) RETURN n', /_Secret/],
    ['MATCH ()-[r:KNOWS|:_T]->() RETURN r', /_T/],
    ['MATCH (n IS _Secret) RETURN n', /_Secret/],
    ['MATCH (n {name: "x"}) WHERE n:_Secret RETURN n', /_Secret/],
    ['WITH {use: 1} AS m CALL db.createLabel("X")', /db\.createLabel/],
    ['MATCH (n) WITH n CALL dbms.listConfig() YIELD name RETURN name', /dbms\.listConfig/],
    ['MATCH (n) RETURN n LIMIT 1 UNION CALL dbms.listConfig() YIELD name RETURN name AS n', /dbms\.listConfig/],
  ])('refuses %s', (query, message) => {
    const refused = refusal(() => inspectText(query));
    expect(refused?.status).toBe(403);
    expect(refused?.message).toMatch(message);
  });

  it('asks to drop EXPLAIN and PROFILE (400)', () => {
    expect(refusal(() => inspectText('PROFILE MATCH (n) RETURN n'))?.status).toBe(400);
    expect(refusal(() => inspectText('explain MATCH (n) RETURN n'))?.status).toBe(400);
  });

  it.each([
    "MATCH (n) WHERE n.note = 'USE system; LOAD CSV; CALL dbms.x()' RETURN n",
    'MATCH (n) // LOAD CSV FROM x\nRETURN n',
    'MATCH (use:Person) RETURN use.name',
    'MATCH (n) RETURN n.use, n.transactions',
    'WITH [1, 2] AS transactions UNWIND transactions AS t RETURN t',
    'WITH 1 AS _x RETURN {key: _x} AS m',
    'CALL db.labels() YIELD label RETURN label',
    "CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node RETURN node",
    'CALL { MATCH (n:Person) RETURN n } RETURN n',
    'MATCH (n) CALL (n) { RETURN count(*) AS c } RETURN n, c',
    'MATCH (n:`Person`) RETURN n',
    // Variables starting with _, map keys and variables named like clauses
    'WITH 1 AS _y RETURN _y',
    'WITH [1, 2] AS l, 1 AS _y RETURN [x IN l | _y] AS r',
    'WITH [1, 2] AS l RETURN reduce(_s = 0, x IN l | _s + x) AS r',
    'MATCH (_n:Person)-[_r:KNOWS]->(_m) RETURN _n, _r, _m',
    "RETURN {use: 'x'}",
    'WITH 1 AS x RETURN x, {use: 1, call: 2, match: 3} AS m',
    'MATCH (n) RETURN n {.name, use: 1}',
    'WITH 1 AS call RETURN call',
    "WITH 'a' AS call RETURN call + 'b' AS c, (call) AS d",
    'CALL db.labels() YIELD label AS call RETURN call',
    'UNWIND [1] AS call WITH call WHERE call > 0 RETURN call',
    'WITH 1 AS use RETURN use',
  ])('lets %s through to the plan check', (query) => {
    expect(refusal(() => inspectText(query))).toBeNull();
  });
});

describe('nesting', () => {
  const wrap = (open: string, close: string, depth: number) => `RETURN ${open.repeat(depth)}1${close.repeat(depth)} AS x`;

  it.each([
    ['parentheses', wrap('(', ')', 1500)],
    ['lists', wrap('[', ']', 4000)],
    ['maps', `RETURN ${'{a: '.repeat(200)}1${'}'.repeat(200)} AS x`],
    ['NOT', `RETURN ${'NOT '.repeat(4000)}true AS x`],
    ['signs', `RETURN ${'- '.repeat(300)}1 AS x`],
    ['NOT and parentheses', `RETURN ${'NOT ('.repeat(60)}true${')'.repeat(60)} AS x`],
  ])('refuses %s nested past the limit, naming the depth found and the limit (400)', (_kind, query) => {
    const refused = refusal(() => inspectText(query));
    expect(refused?.status).toBe(400);
    expect(refused?.message).toMatch(/nests \d+ levels deep .* the limit is 100\./);
  });

  it('names the depth found', () => {
    expect(refusal(() => inspectText(wrap('(', ')', 101)))?.message).toMatch(/nests 101 levels/);
  });

  it.each([
    ['100 parentheses', wrap('(', ')', 100)],
    ['a long flat list', `RETURN [${Array(3000).fill('1').join(', ')}] AS x`],
    ['many sibling groups', `RETURN ${Array(500).fill('(1 + (2))').join(' + ')} AS x`],
    ['NOT in a long WHERE', `MATCH (n) WHERE ${Array(200).fill('NOT n.x = 1').join(' AND ')} RETURN n`],
    ['subtraction of negatives', 'RETURN 1 - -1 - -2 AS x'],
  ])('lets %s through', (_kind, query) => {
    expect(refusal(() => inspectText(query))).toBeNull();
  });
});

const op = (operatorType: string, details = '', children: PlanOperator[] = []): PlanOperator => ({ operatorType, arguments: details ? { Details: details } : {}, children });

describe('inspectPlan', () => {
  it('passes a plain read', () => {
    expect(refusal(() => inspectPlan('r', op('ProduceResults@neo4j', 'n', [op('NodeByLabelScan@neo4j', 'n:Person')])))).toBeNull();
  });

  it.each(['w', 'rw', 's', 'dbms', undefined])('refuses query type %s', (type) => {
    expect(refusal(() => inspectPlan(type, op('ProduceResults@neo4j')))?.status).toBe(403);
  });

  it.each([
    [op('ShowTransactions@neo4j'), /ShowTransactions/],
    [op('TerminateTransactions@neo4j'), /TerminateTransactions/],
    [op('ProduceResults@neo4j', 'l', [op('LoadCSV@neo4j', 'l')]), /LoadCSV/],
    [op('ProduceResults@neo4j', '', [op('ProcedureCall@neo4j', 'db.stats.retrieve($autostring_0) :: (section :: STRING)')]), /db\.stats\.retrieve/],
    [op('dbms.showCurrentUser@system'), /dbms\.showCurrentUser/],
    [op('ProduceResults@neo4j', 'n', [op('NodeByLabelScan@neo4j', 'n:_SavedQuery')]), /_SavedQuery/],
    [op('ProduceResults@neo4j', 'n', [op('Filter@neo4j', 'n:$all($autostring_0)')]), /Dynamic labels/],
    [op('ProduceResults@neo4j', 'n', [op('AllNodesScan@other', 'n')]), /Threadline graph only/],
  ])('refuses %o', (plan, message) => {
    const refused = refusal(() => inspectPlan('r', plan));
    expect(refused?.status).toBe(403);
    expect(refused?.message).toMatch(message);
  });

  it('allows the read-only procedures and map values that start with _', () => {
    const plan = op('ProduceResults@neo4j', 'label', [
      op('Projection@neo4j', '{key: _x} AS m', [op('ProcedureCall@neo4j', 'db.labels() :: (label :: STRING)')]),
    ]);
    expect(refusal(() => inspectPlan('r', plan))).toBeNull();
  });
});
