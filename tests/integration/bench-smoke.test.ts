/**
 * `npm run bench`, server side, on a tiny graph: every figure is produced, positive and finite. Never a time
 * limit: the figures of a smoke run on a shared machine say nothing about speed.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checks, formatReport, type BenchResults } from '../../bench/report.js';
import { runSize, type SizeFigures } from '../../bench/size-run.js';
import type { Database } from '../../server/db/neo4j.js';
import { clearGraph, counts, testDb } from '../support/test-db.js';

let db: Database;
let figures: SizeFigures;

beforeAll(async () => {
  db = testDb();
  await clearGraph(db);
  figures = await runSize(db, { nodes: 2000, seed: 11, samples: 6, throughputRequests: 150, throughputSeconds: 20, connection: inject('neo4j') });
}, 600_000);

afterAll(async () => {
  await clearGraph(db);
  await db.close();
});

/** Every number in a figures object, with its path. */
function numbers(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbers(v, path ? `${path}.${k}` : k));
  return [];
}

describe('the bench on 2,000 nodes', () => {
  it('loads the synthetic graph through the importer: nodes, relationships and evidence', async () => {
    expect(figures.nodes).toBe(2000);
    expect(figures.relationships).toBe(6000);
    const stored = await counts(db);
    // Entities, Evidence nodes and the saved query's own nodes.
    expect(stored.nodes).toBeGreaterThan(2000 + figures.import.evidence - 1);
    expect(stored.relationships).toBeGreaterThanOrEqual(6000);
  });

  it('writes the same relationships through a bare CREATE for the floor, without then with a uniqueness constraint, then deletes them and the constraint', async () => {
    expect(figures.import.ratioToFloor).toBeCloseTo(figures.import.relationshipsPerSecond / figures.import.floorRelationshipsPerSecond, 6);
    expect(figures.import.ratioToConstrainedFloor).toBeCloseTo(figures.import.relationshipsPerSecond / figures.import.constrainedFloorRelationshipsPerSecond, 6);
    const { records } = await db.driver.executeQuery("MATCH ()-[r]->() WHERE type(r) STARTS WITH 'BENCH_FLOOR' RETURN count(r) AS left");
    expect(records[0]?.get('left')).toBe(0);
    const constraints = await db.driver.executeQuery("SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH 'bench_floor' RETURN name");
    expect(constraints.records).toEqual([]);
  });

  it('streams a FollowTheMoney file of as many entities through the import, with its rate against the bulk importer and its memory', () => {
    // Per ten entities: 7 nodes, 8 relationships, 10 records.
    expect(figures.ftmImport).toMatchObject({ entities: 2000, rows: 1400 + 1600 + 2000 });
    const m = figures.ftmImport.memoryMb;
    expect(m.rssPeak).toBeGreaterThanOrEqual(Math.max(m.rssBefore, m.rssAfter) - 1);
    expect(m.heapPeak).toBeGreaterThanOrEqual(m.heapBefore - 1);
  });

  it('produces every figure, positive and finite (error counts finite and zero)', () => {
    const all = numbers(figures);
    expect(all.length).toBeGreaterThan(60);
    for (const [path, value] of all) {
      expect(Number.isFinite(value), path).toBe(true);
      if (/errors$/.test(path)) expect(value, path).toBe(0);
      else expect(value, path).toBeGreaterThan(0);
    }
    for (const op of Object.values(figures.latency)) expect(op.api.n).toBeGreaterThanOrEqual(6);
  });

  it('puts the same requests under load through the API and through the raw driver', () => {
    const { api, driver, throughputRatio } = figures.throughput;
    expect(api.requests).toBeGreaterThan(0);
    expect(driver.requests).toBe(api.requests);
    expect(driver.clients).toBe(api.clients);
    expect(throughputRatio).toBeCloseTo(api.requestsPerSecond / driver.requestsPerSecond, 6);
  });

  it('reports each figure against its target', () => {
    const results: BenchResults = {
      date: new Date().toISOString(),
      command: 'smoke',
      machine: { cpus: 2, memoryGiB: 24, node: process.versions.node, loadAverageAtStart: [0, 0, 0], note: '' },
      database: 'test',
      seed: 11,
      sizes: { '2k': figures },
      client: [],
      bundle: null,
      seconds: 1,
    };
    const rows = checks(results);
    expect(rows.map((r) => r.figure)).toEqual(expect.arrayContaining(['import nodes/s (2k)', 'import relationships/s against a bare UNWIND … CREATE (2k)', 'FtM import, streamed, rows/s (2k)', 'expand p95, hub first page (2k)', 'search p95 (2k)', 'throughput against the raw driver, 50 sessions (2k)', 'API p99 against its p50 under load (2k)']));
    expect(formatReport(results)).toContain('| 2k | expand (hub, first page) |');
    expect(formatReport(results)).toContain('| 2k | raw driver |');
    expect(formatReport(results)).toMatch(/API: the API in the bench's process .*HTTP clients in a process of their own\. Raw driver: 50 sessions .* in a process of their own/);
  });
});
