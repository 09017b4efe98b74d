/**
 * The hot queries use indexes: EXPLAIN of the Cypher the services send (recorded as they run, so these plans are
 * the ones served) has no label scan and no all-nodes scan, on a graph with hubs, where the planner has a choice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingDatabase, type RecordedQuery } from '../../bench/driver-baseline.js';
import { SyntheticGraph } from '../../bench/generator.js';
import { measureImport } from '../../bench/import.js';
import { writeRows } from '../../server/db/graph-writer.js';
import type { Database } from '../../server/db/neo4j.js';
import { neighbors } from '../../server/services/neighbor-service.js';
import { nodeDetails } from '../../server/services/node-service.js';
import { KEY_SAMPLE, schemaSummary } from '../../server/services/schema-service.js';
import { findPaths } from '../../server/services/path-service.js';
import { search } from '../../server/services/search-service.js';
import { subgraph } from '../../server/services/subgraph-service.js';
import { clearGraph, testDb } from '../support/test-db.js';

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}

const SCANS = ['NodeByLabelScan', 'AllNodesScan'];
let db: Database;
const graph = new SyntheticGraph({ nodes: 4000, seed: 3 });
const hub = graph.hubs[0]!;
const ordinary = [graph.nodeId(40), graph.nodeId(400), graph.nodeId(3999)];

beforeAll(async () => {
  db = testDb();
  await clearGraph(db);
  await measureImport(db, graph);
}, 600_000);

afterAll(async () => {
  await clearGraph(db);
  await db.close();
});

/** The Cypher `work` sends, in order. */
async function cypherOf(work: (db: Database) => Promise<unknown>): Promise<RecordedQuery[]> {
  const recording = recordingDatabase(db);
  await work(recording.db);
  return recording.transactions.flatMap((t) => t.queries);
}

interface ProfileNode {
  operatorType: string;
  rows: number;
  children: ProfileNode[];
}

/** Each operator of the query's PROFILE with the rows it produced. */
async function profiledRows(query: RecordedQuery): Promise<{ op: string; rows: number }[]> {
  const { summary } = await db.driver.executeQuery(`PROFILE ${query.text}`, query.parameters);
  const walk = (plan: ProfileNode): { op: string; rows: number }[] => [{ op: plan.operatorType.replace(/@.*/, ''), rows: plan.rows }, ...plan.children.flatMap(walk)];
  return walk(summary.profile as unknown as ProfileNode);
}

function operators(plan: PlanNode): string[] {
  return [plan.operatorType.replace(/@.*/, ''), ...plan.children.flatMap(operators)];
}

async function planOperators(query: RecordedQuery): Promise<string[]> {
  const { summary } = await db.driver.executeQuery(`EXPLAIN ${query.text}`, query.parameters);
  return operators(summary.plan as unknown as PlanNode);
}

async function expectNoScans(work: (db: Database) => Promise<unknown>): Promise<string[]> {
  const queries = await cypherOf(work);
  expect(queries.length).toBeGreaterThan(0);
  const all: string[] = [];
  for (const query of queries) {
    const ops = await planOperators(query);
    expect(ops.filter((op) => SCANS.includes(op)), query.text).toEqual([]);
    all.push(...ops);
  }
  return all;
}

describe('EXPLAIN of the hot queries', () => {
  it('would show a label scan where there is one (the check itself)', async () => {
    expect(await planOperators({ text: 'MATCH (n:Entity) WHERE n.name = $name RETURN n', parameters: { name: 'x' } })).toContain('NodeByLabelScan');
  });

  it('search goes through the full-text index', async () => {
    const ops = await expectNoScans((d) => search(d, 'lopez', [], 10));
    expect(ops).toContain('ProcedureCall');
    await expectNoScans((d) => search(d, 'maria gonz', ['Person', 'Organization'], 10));
  });

  it('node details find the node by its unique id', async () => {
    for (const id of [...ordinary, hub.id]) {
      const ops = await expectNoScans((d) => nodeDetails(d, id));
      expect(ops).toContain('NodeUniqueIndexSeek');
    }
  });

  it('expanding an ordinary node seeks it and expands from it', async () => {
    for (const id of ordinary) {
      const ops = await expectNoScans((d) => neighbors(d, id, { types: [], direction: 'both', limit: 50, cursor: null }));
      expect(ops).toContain('NodeUniqueIndexSeek');
    }
  });

  it("a hub's first page walks its type's relationship index, not the hub's neighbourhood", async () => {
    const ops = await expectNoScans((d) => neighbors(d, hub.id, { types: [], direction: 'both', limit: 50, cursor: null }));
    expect(ops.some((op) => /Relationship(Unique)?IndexSeekByRange|RelationshipIndexScan/.test(op)), ops.join(', ')).toBe(true);
  });

  it('subgraphs and shortest paths seek their nodes by id', async () => {
    const ids = [...ordinary, hub.id, graph.nodeId(1234)];
    expect(await expectNoScans((d) => subgraph(d, ids))).toContain('NodeUniqueIndexSeek');
    expect(await expectNoScans((d) => findPaths(d, { from: ordinary[0]!, to: ordinary[1]!, maxHops: 6, mode: 'shortest', limit: 25 }))).toContain('NodeUniqueIndexSeek');
  });

  it('the schema summary counts from the count store and reads no more than a sample of any kind or type', async () => {
    const queries = await cypherOf((d) => schemaSummary(d));
    const profiled = (await Promise.all(queries.map(profiledRows))).flat();
    const ops = profiled.map((p) => p.op);
    expect(ops).toContain('NodeCountFromCountStore');
    expect(ops).toContain('RelationshipCountFromCountStore');
    const reads = profiled.filter((p) => /Scan|Expand|Seek/.test(p.op));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((p) => p.rows > KEY_SAMPLE)).toEqual([]);
    // The check can fail: one pass over the graph reads more than a sample.
    const onePass = await profiledRows({ text: 'MATCH (:Entity)-[r]->(:Entity) RETURN count(r)', parameters: {} });
    expect(onePass.some((p) => /Scan|Expand/.test(p.op) && p.rows > KEY_SAMPLE)).toBe(true);
  });

  it('relationships loaded again are found from their two ends (Expand(Into)), never by a scan of every relationship', async () => {
    const [batch] = graph.edgeBatches(500);
    const queries = await cypherOf((d) => d.write((tx) => writeRows(tx, { nodes: [], edges: batch!.edges, evidence: [] })));
    const merges = queries.filter((query) => query.text.includes('OPTIONAL MATCH (a)-[r]->(b)'));
    expect(merges.length).toBeGreaterThan(0);
    for (const query of merges) {
      const ops = await planOperators(query);
      expect(ops).toContain('OptionalExpand(Into)');
      expect(ops.filter((op) => /RelationshipsScan|RelationshipTypeScan/.test(op)), query.text).toEqual([]);
    }
  });
});
