/**
 * One graph size, server side: generate, import through the importer, then API latency against the raw driver
 * and throughput, with the API in-process (createApp on a free port, HTTP over loopback).
 */
import type { Server } from 'node:http';
import { createApp } from '../server/app.js';
import { DEFAULT_LIMITS } from '../server/services/queries/cypher-runner.js';
import type { SavedQuery } from '../shared/contract/index.js';
import type { Database, Neo4jConnection } from '../server/db/neo4j.js';
import { measureLatency, type LatencyFigures } from './api-latency.js';
import { SyntheticGraph } from './generator.js';
import { httpClient } from './http-client.js';
import { measureFtmImport, type FtmImportFigures } from './ftm-import.js';
import { measureImport, type ImportFigures } from './import.js';
import { BENCH_QUERY, type OperationContext } from './operations.js';
import { measureThroughput, type LoadFigures } from './throughput.js';

export interface SizeFigures {
  nodes: number;
  relationships: number;
  hubDegrees: number[];
  import: ImportFigures;
  /** The streamed FollowTheMoney import of as many entities as the graph has nodes, run last (into the same database). */
  ftmImport: FtmImportFigures;
  latency: LatencyFigures;
  /** 50 concurrent clients through the API, and the same requests' Cypher through the raw driver. */
  throughput: LoadFigures;
}

export interface SizeOptions {
  nodes: number;
  seed: number;
  samples: number;
  throughputRequests: number;
  throughputSeconds: number;
  /** How a process of its own reaches `db` (the throughput's driver side). */
  connection: Neo4jConnection;
  say?: (m: string) => void;
}

export async function startApi(db: Database): Promise<{ url: string; close(): Promise<void> }> {
  // The throughput run is one user on 50 connections: the analyst-query slots would turn its saved-query runs into 429s.
  const app = createApp({ db, limits: { ...DEFAULT_LIMITS, perUser: 1000, total: 1000 } });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Saves the bench's query through the API, as a person would; returns its id. */
export async function saveBenchQuery(url: string): Promise<string> {
  const client = httpClient(url, 1);
  try {
    const reply = await client.send({ method: 'POST', path: '/api/queries', body: BENCH_QUERY });
    if (reply.status !== 201) throw new Error(`saving the bench query failed (${reply.status}): ${reply.body}`);
    return (JSON.parse(reply.body) as SavedQuery).id;
  } finally {
    client.close();
  }
}

export async function runSize(db: Database, options: SizeOptions): Promise<SizeFigures> {
  const say = options.say ?? (() => {});
  const graph = new SyntheticGraph({ nodes: options.nodes, seed: options.seed });
  say(`Importing ${graph.nodeCount} nodes and ${graph.edgeCount} relationships (hubs of ${graph.hubs.map((h) => h.degree).join(', ')})...`);
  const imported = await measureImport(db, graph, say);
  say(`  ${Math.round(imported.nodesPerSecond)} nodes/s, ${Math.round(imported.relationshipsPerSecond)} relationships/s (${imported.ratioToFloor.toFixed(2)}× a bare CREATE's ${Math.round(imported.floorRelationshipsPerSecond)}, ${imported.ratioToConstrainedFloor.toFixed(2)}× its ${Math.round(imported.constrainedFloorRelationshipsPerSecond)} into a constrained type), ${Math.round(imported.evidencePerSecond)} quotes/s`);
  const api = await startApi(db);
  try {
    const ctx: OperationContext = { graph, savedQueryId: await saveBenchQuery(api.url) };
    say('API latency against the raw driver...');
    const latency = await measureLatency(api.url, db, ctx, { samples: options.samples, seed: options.seed, say });
    say('Throughput, 50 concurrent clients, through the API and through the raw driver...');
    const throughput = await measureThroughput(api.url, db, ctx, { requests: options.throughputRequests, maxSeconds: options.throughputSeconds, seed: options.seed, connection: options.connection });
    for (const [who, t] of [['API', throughput.api], ['driver', throughput.driver]] as const) {
      say(`  ${who}: ${t.requestsPerSecond.toFixed(0)} requests/s, p50 ${t.latency.p50.toFixed(0)} ms, p99 ${t.latency.p99.toFixed(0)} ms, ${t.errors} errors`);
    }
    say(`FollowTheMoney import of ${options.nodes} entities, streamed...`);
    const ftmImport = await measureFtmImport(db, { entities: options.nodes, seed: options.seed, bulk: imported, say });
    const m = ftmImport.memoryMb;
    say(`  ${Math.round(ftmImport.entitiesPerSecond)} entities/s, ${Math.round(ftmImport.rowsPerSecond)} rows/s (${ftmImport.ratioToBulkImporter.toFixed(2)}× the bulk importer); RSS ${m.rssBefore} → ${m.rssAfter} MB (peak ${m.rssPeak}), heap ${m.heapBefore} → ${m.heapAfter} MB (peak ${m.heapPeak})`);
    return { nodes: imported.nodes, relationships: imported.relationships, hubDegrees: graph.hubs.map((h) => h.degree), import: imported, ftmImport, latency, throughput };
  } finally {
    await api.close();
  }
}
