import path from 'node:path';
import { loadSeedFiles } from '../../server/services/seed/shipped-seeds.js';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { ensureSchema, loadPrepared, MissingEndsError } from '../../server/db/graph-writer.js';
import type { PreparedSeed } from '../../server/db/graph-writer.js';
import type { Database } from '../../server/db/neo4j.js';
import { clearGraph, counts, resetToSeed, testDb } from '../support/test-db.js';

const fixture = (name: string) => path.resolve('tests/fixtures/seeds', name);
let db: Database;

async function rows<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await db.driver.executeQuery(cypher, params);
  return result.records.map((r) => r.toObject() as T);
}

beforeAll(async () => {
  db = testDb();
  await resetToSeed(db);
});
afterAll(() => db.close());

describe('the seed graph', () => {
  it('holds the article: nodes per kind and relationships per type', async () => {
    const kinds = Object.fromEntries(
      (await rows<{ kind: string; n: number }>('MATCH (n:Entity) UNWIND [l IN labels(n) WHERE l <> "Entity"] AS kind RETURN kind, count(*) AS n')).map((r) => [r.kind, r.n]),
    );
    for (const kind of ['Person', 'Organization', 'Place', 'Facility', 'Law', 'Deal', 'Event', 'Group', 'Statement', 'Source']) {
      expect(kinds[kind], kind).toBeGreaterThan(0);
    }
    expect(kinds.Person).toBeGreaterThanOrEqual(7);
    const [totals] = await rows<{ types: number; rels: number }>('MATCH (:Entity)-[r]->(:Entity) RETURN count(DISTINCT type(r)) AS types, count(r) AS rels');
    expect(totals?.types).toBeGreaterThanOrEqual(20);
    expect(totals?.rels).toBeGreaterThanOrEqual(80);
  });

  it('names every actor the article names', async () => {
    const names = (await rows<{ name: string }>('MATCH (n:Entity) RETURN n.name AS name')).map((r) => r.name);
    for (const name of ['Marco Rubio', 'Donald Trump', 'Nayib Bukele', 'Pam Bondi', 'Douglas Farah', 'César López Larios', 'Tommy Pigott', 'CECOT', 'Alien Enemies Act', 'El Salvador', 'Venezuela']) {
      expect(names).toContain(name);
    }
  });

  it('gives every relationship at least one quote found verbatim at its offsets in its source text', async () => {
    const checked = await rows<{ id: string; quotes: number; verbatim: boolean }>(
      `MATCH (:Entity)-[r]->(:Entity)
       OPTIONAL MATCH (e:Evidence) WHERE e.id IN r.evidence
       OPTIONAL MATCH (s:Source {id: e.sourceId})
       RETURN r.id AS id, count(e) AS quotes, all(ok IN collect(substring(s.text, e.start, e.end - e.start) = e.quote) WHERE ok) AS verbatim`,
    );
    expect(checked.length).toBeGreaterThan(80);
    for (const edge of checked) {
      expect(edge.quotes, edge.id).toBeGreaterThan(0);
      expect(edge.verbatim, edge.id).toBe(true);
    }
  });

  it('answers from a quote to everything it supports, and back', async () => {
    const [quote] = await rows<{ claims: string[]; attribution: string; confidence: string }>(
      `MATCH ()-[r {id: 'rel:bukele-demanded-return-of-nine-leaders'}]->()
       MATCH (e:Evidence) WHERE e.id IN r.evidence AND e.confidence = 'anonymous-source'
       RETURN e.claims AS claims, e.attribution AS attribution, e.confidence AS confidence`,
    );
    expect(quote?.attribution).toBe('officials told the Post');
    expect(quote?.claims).toContain('rel:bukele-demanded-return-of-nine-leaders');
  });

  it('knows who demanded the return of the MS-13 leaders', async () => {
    const demanded = await rows<{ who: string; what: string }>(
      "MATCH (who:Person)-[:DEMANDED]->(what:Entity) WHERE what.name CONTAINS 'MS-13' RETURN who.name AS who, what.name AS what",
    );
    expect(demanded.map((r) => r.who)).toContain('Nayib Bukele');
  });

  it('knows what happened two days after the call, with the inferred date kept apart from the text', async () => {
    const after = await rows<{ name: string; date: string; dateInferred: string[] }>(
      `MATCH (e:Event)-[:OCCURRED_AFTER]->(call:Event {id: 'event:rubio-bukele-call-2025-03-13'})
       RETURN e.name AS name, e.date AS date, e.dateInferred AS dateInferred ORDER BY name`,
    );
    expect(after.map((r) => r.name).join(' | ')).toMatch(/López Larios/);
    expect(after.map((r) => r.name).join(' | ')).toMatch(/Alien Enemies Act/);
    const deportation = after.find((r) => /López Larios/.test(r.name));
    expect(deportation?.date).toBe('2025-03-15');
    expect(deportation?.dateInferred).toEqual(expect.arrayContaining(['year', 'day']));
    const [call] = await rows<{ dateText: string; date: string; dateInferred: string[] }>(
      "MATCH (c:Event {id: 'event:rubio-bukele-call-2025-03-13'}) RETURN c.dateText AS dateText, c.date AS date, c.dateInferred AS dateInferred",
    );
    expect(call).toEqual({ dateText: 'March 13', date: '2025-03-13', dateInferred: ['year'] });
  });

  it('keeps unnamed groups as counted groups, not invented people', async () => {
    const [nine] = await rows<{ count: number; countText: string }>(
      "MATCH (g:Group)<-[:DEMANDED]-(:Person {id: 'person:nayib-bukele'}) RETURN g.count AS count, g.countText AS countText",
    );
    expect(nine).toEqual({ count: 9, countText: expect.stringMatching(/nine/) });
  });
});

describe('the loader', () => {
  it('gives the same graph when loaded twice', async () => {
    const before = await counts(db);
    await resetToSeed(db);
    await loadSeedFiles(db, [path.resolve('graph-seed/data/rubio-bukele.yaml')]);
    expect(await counts(db)).toEqual(before);
  });

  it.each([
    ['quote-not-in-text.yaml', /quote-not-in-text\.yaml: edges\[0\] \(rel:somebody-met-rubio\)\.evidence\[0\]: quote not found verbatim .*"Somebody met Marco Rubio in secret"/],
    ['unknown-source.yaml', /unknown-source\.yaml: edges\[0\] \(rel:somebody-met-rubio\)\.evidence\[0\]: evidence cites source:no-such-article/],
    ['bad-field.yaml', /bad-field\.yaml: invalid seed file:\n\s+edges\[0\] \(rel:somebody-met-rubio\)\.evidence\[0\]\.confidence: /],
  ])('refuses %s with a clear message and changes nothing', async (file, message) => {
    const before = await counts(db);
    await expect(loadSeedFiles(db, [fixture(file)])).rejects.toThrow(message);
    expect(await counts(db)).toEqual(before);
  });

  it('rolls back the whole load when Neo4j refuses a write half-way', async () => {
    const before = await counts(db);
    const seed: PreparedSeed = {
      nodes: [{ id: 'person:test-written-first', labels: ['Person'], properties: { name: 'Written first', evidence: [] } }],
      // Neo4j cannot store a map as a property value: this edge fails after the node was written.
      edges: [{ id: 'rel:test-fails', type: 'KNOWS', source: 'person:test-written-first', target: 'person:marco-rubio', properties: { evidence: [], nested: { not: 'allowed' } } }],
      evidence: [],
    };
    await expect(loadPrepared(db, seed)).rejects.toThrow(/Property values can only be of primitive types|map/i);
    expect(await counts(db)).toEqual(before);
    expect(await rows("MATCH (n {id: 'person:test-written-first'}) RETURN n")).toEqual([]);
  });

  it('refuses relationships whose end nodes are not in the database, writing nothing of the load', async () => {
    const before = await counts(db);
    const seed: PreparedSeed = {
      nodes: [{ id: 'person:test-written-first', labels: ['Person'], properties: { name: 'Written first', evidence: [] } }],
      // As if this node had been deleted between the import's checks and its write.
      edges: [{ id: 'rel:test-dangling', type: 'KNOWS', source: 'person:test-written-first', target: 'person:deleted-meanwhile', properties: { evidence: [] } }],
      evidence: [],
    };
    const load = loadPrepared(db, seed);
    await expect(load).rejects.toBeInstanceOf(MissingEndsError);
    await expect(load).rejects.toThrow('1 of 1 KNOWS relationships name nodes that are not in the database');
    expect(await counts(db)).toEqual(before);
  });

  it('updates a relationship loaded again, keeping one copy and every quote', async () => {
    const edge = (properties: Record<string, unknown>) => ({ id: 'rel:test-reloaded', type: 'KNOWS', source: 'person:marco-rubio', target: 'person:nayib-bukele', properties });
    await loadPrepared(db, { nodes: [], edges: [edge({ evidence: ['quote-a'], note: 'first' })], evidence: [] });
    await loadPrepared(db, { nodes: [], edges: [edge({ evidence: ['quote-b'], note: 'second' })], evidence: [] });
    const found = await rows<{ note: string; evidence: string[] }>("MATCH ()-[r:KNOWS {id: 'rel:test-reloaded'}]->() RETURN r.note AS note, r.evidence AS evidence");
    expect(found).toEqual([{ note: 'second', evidence: ['quote-a', 'quote-b'] }]);
    await resetToSeed(db);
  });

  it("keeps an edge's confidence the firmest of all its quotes, whatever the rows say, and unites its lists", async () => {
    const id = 'rel:bukele-demanded-return-of-nine-leaders';
    const quote = { id: 'evidence:test-weak', quote: 'Bukele', start: 0, end: 6, attribution: 'a rumour', confidence: 'alleged', sourceId: 'source:daily-beast-rubio-bukele-informants', claims: [id] };
    const edge = { id, type: 'DEMANDED', source: 'person:nayib-bukele', target: 'group:nine-ms13-leaders', properties: { evidence: [quote.id], confidence: 'alleged' } };
    const node = { id: 'person:marco-rubio', labels: [], properties: { aliases: ['Marco'] } };
    await loadPrepared(db, { nodes: [node], edges: [edge], evidence: [quote] });
    const [found] = await rows<{ confidence: string; quotes: number }>(`MATCH ()-[r:DEMANDED {id: $id}]->() RETURN r.confidence AS confidence, size(r.evidence) AS quotes`, { id });
    expect(found).toEqual({ confidence: 'fact', quotes: 3 });
    expect(await rows("MATCH (n {id: 'person:marco-rubio'}) RETURN n.aliases AS aliases")).toEqual([{ aliases: ['Little Marco', 'Marco'] }]);
    await resetToSeed(db);
  });

  it('keeps relationship ids unique in Neo4j itself, replacing the plain indexes of earlier versions', async () => {
    await db.driver.executeQuery('CREATE INDEX rel_id_test_legacy IF NOT EXISTS FOR ()-[r:TEST_LEGACY]-() ON (r.id)');
    await ensureSchema(db, ['TEST_LEGACY']);
    const indexes = await rows<{ name: string; constraint: string | null }>(
      "SHOW RANGE INDEXES YIELD name, labelsOrTypes, owningConstraint WHERE labelsOrTypes = ['TEST_LEGACY'] RETURN name, owningConstraint AS constraint",
    );
    expect(indexes).toEqual([{ name: 'rel_id_unique_test_legacy', constraint: 'rel_id_unique_test_legacy' }]);
    const twice = "MATCH (a:Entity {id: 'person:marco-rubio'}), (b:Entity {id: 'person:nayib-bukele'}) CREATE (a)-[:TEST_LEGACY {id: 'rel:test-twice'}]->(b)";
    await db.driver.executeQuery(twice);
    await expect(db.driver.executeQuery(twice)).rejects.toThrow(/already exists/);
    await db.driver.executeQuery('DROP CONSTRAINT rel_id_unique_test_legacy');
    await resetToSeed(db);
  });

  it('links a second article to the nodes the first one created', async () => {
    await loadSeedFiles(db, [fixture('second-article.yaml')]);
    const linked = await rows<{ n: number }>(
      "MATCH (:Person {id: 'person:marco-rubio'})-[r:DEFENDED]->(:Deal {id: 'deal:cecot-access-for-ms13-leaders'}) RETURN count(r) AS n",
    );
    expect(linked[0]?.n).toBe(1);
    const rubios = await rows<{ n: number }>("MATCH (n:Entity) WHERE n.name = 'Marco Rubio' RETURN count(n) AS n");
    expect(rubios[0]?.n).toBe(1);
    await resetToSeed(db);
  });
});

describe('a second article', () => {
  const seedFile = path.resolve('graph-seed/data/rubio-bukele.yaml');
  const demanded = () =>
    rows<{ confidence: string; quotes: string[] }>(
      "MATCH ()-[r:DEMANDED {id: 'rel:bukele-demanded-return-of-nine-leaders'}]->() MATCH (e:Evidence) WHERE e.id IN r.evidence RETURN r.confidence AS confidence, collect(e.confidence) AS quotes",
    );
  const rubio = () => rows<{ labels: string[]; name: string; aliases: string[]; position: string }>(
    "MATCH (n:Entity {id: 'person:marco-rubio'}) RETURN labels(n) AS labels, n.name AS name, n.aliases AS aliases, n.position AS position",
  );
  const expectUnited = async () => {
    expect(await demanded()).toEqual([{ confidence: 'fact', quotes: expect.arrayContaining(['fact', 'anonymous-source', 'anonymous-source']) }]);
    expect((await demanded())[0]?.quotes).toHaveLength(3);
    expect(await rubio()).toEqual([{ labels: ['Entity', 'Person'], name: 'Marco Rubio', aliases: ['Little Marco', 'Secretary Rubio'], position: 'Secretary of State' }]);
  };

  it('adds quotes to existing relationships without lowering their confidence, and cites nodes without declaring them again', async () => {
    await resetToSeed(db);
    const before = await counts(db);
    const load = await loadSeedFiles(db, [fixture('follow-up-article.yaml')]);
    expect(load.written).toBe(true);
    expect(load.changes).toEqual({
      nodes: { created: 1, merged: 1, unchanged: 0 },
      edges: { created: 1, merged: 1, unchanged: 0 },
      evidence: { created: 3, merged: 0, unchanged: 0 },
    });
    await expectUnited();
    const about = await rows("MATCH (:Source {id: 'source:test-follow-up-article'})-[r:ABOUT]->(:Person {id: 'person:nayib-bukele'}) RETURN r.confidence AS confidence");
    expect(about).toEqual([{ confidence: 'fact' }]);
    expect(await counts(db)).toEqual({ nodes: before.nodes + 1 + 3, relationships: before.relationships + 1 });

    const again = await loadSeedFiles(db, [fixture('follow-up-article.yaml')]);
    expect(again.changes).toEqual({
      nodes: { created: 0, merged: 0, unchanged: 2 },
      edges: { created: 0, merged: 0, unchanged: 2 },
      evidence: { created: 0, merged: 0, unchanged: 3 },
    });
    await expectUnited();
  });

  it('checks without writing (--check), counting what a load would do', async () => {
    await resetToSeed(db);
    const before = await counts(db);
    const check = await loadSeedFiles(db, [fixture('follow-up-article.yaml')], { check: true });
    expect(check.written).toBe(false);
    expect(check.changes.nodes).toEqual({ created: 1, merged: 1, unchanged: 0 });
    expect(await counts(db)).toEqual(before);
    expect((await rubio())[0]?.aliases).toEqual(['Little Marco']);
    await expect(loadSeedFiles(db, [fixture('many-problems.yaml')], { check: true })).rejects.toThrow(/did you mean person:pam-bondi/);
  });

  it('refuses a value that differs from the stored one, naming both values and the quote behind the stored one', async () => {
    await resetToSeed(db);
    const before = await counts(db);
    await expect(loadSeedFiles(db, [fixture('conflicting-image.yaml')])).rejects.toThrow(
      /conflicting-image\.yaml: nodes\[0\] \(person:nayib-bukele\): person:nayib-bukele: image is "the world’s coolest dictator" here but "tough-on-crime strongman" in the graph, supported by "preserve Bukele’s image as a tough-one-crime strongman" \(The Daily Beast, evidence:daily-beast-rubio-bukele-informants:\d+-\d+:fact\)/,
    );
    expect(await counts(db)).toEqual(before);
    expect(await rows("MATCH (n {id: 'person:nayib-bukele'}) RETURN n.image AS image")).toEqual([{ image: 'tough-on-crime strongman' }]);
  });

  it("reports all of a file's problems at once: a misspelt id with the nearest ones, a quote with other quote marks, an id reused under another type", async () => {
    const before = await counts(db);
    const refused = loadSeedFiles(db, [fixture('many-problems.yaml')]);
    await expect(refused).rejects.toThrow(/^Refused \(nothing was written\):\n/);
    const lines = ((await refused.catch((err: Error) => err.message)) as string).split('\n').slice(1);
    expect(lines).toEqual([
      expect.stringMatching(/edges\[1\] \(rel:test-bukele-presents-himself\)\.evidence\[0\]: quote not found verbatim .*: at offset \d+ the text has "’" \(U\+2019\) where the quote has "'"/),
      expect.stringMatching(/edges\[0\] \(rel:test-bondi-knows-rubio\): unknown node person:pamela-bondi: it is neither in the file nor in the database; did you mean person:pam-bondi\?$/),
      expect.stringMatching(
        /edges\[2\] \(rel:rubio-holds-position-in-state-department\): rel:rubio-holds-position-in-state-department already exists as person:marco-rubio -\[HOLDS_POSITION_IN\]-> org:us-state-department; the file has person:marco-rubio -\[LEADS\]-> org:us-state-department/,
      ),
    ]);
    expect(await counts(db)).toEqual(before);
  });

  it('loads the first article and one that adds quotes to its relationships in one command', async () => {
    await clearGraph(db);
    const load = await loadSeedFiles(db, [seedFile, fixture('follow-up-article.yaml')]);
    expect(load.changes.edges.merged + load.changes.edges.unchanged).toBe(0);
    await expectUnited();
    await resetToSeed(db);
  });
});

