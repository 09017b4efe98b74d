/**
 * Import throughput through the project's importer (server/db/graph-writer.ts), in its bulk mode: nodes first, then the
 * relationships, then the evidence quotes, each phase timed on its own so nodes/s and relationships/s are not
 * blurred together. Each chunk is one transaction of CHUNK rows (the importer writes UNWIND batches inside it).
 */
import { ensureSchema, loadPreparedInChunks } from '../server/db/graph-writer.js';
import type { PreparedSeed } from '../server/db/graph-writer.js';
import type { Database } from '../server/db/neo4j.js';
import type { SyntheticGraph } from './generator.js';
import { measureFloor } from './import-floor.js';

export const CHUNK = 10_000;

export interface ImportFigures {
  nodes: number;
  relationships: number;
  evidence: number;
  nodesPerSecond: number;
  relationshipsPerSecond: number;
  evidencePerSecond: number;
  totalSeconds: number;
  /** The same relationships through a bare `UNWIND … CREATE` in the same run (bench/import-floor.ts), and the importer's share of it. */
  floorRelationshipsPerSecond: number;
  ratioToFloor: number;
  /** The same, into a type with a uniqueness constraint on `id` as the importer's types have. */
  constrainedFloorRelationshipsPerSecond: number;
  ratioToConstrainedFloor: number;
}

/** The generator's chunks as importer input, timing how long generating them takes (not part of the import). */
export class Timed<T> implements Iterable<PreparedSeed> {
  generatingMs = 0;
  constructor(
    private readonly batches: Iterable<T>,
    private readonly toSeed: (batch: T) => PreparedSeed,
  ) {}
  *[Symbol.iterator](): Generator<PreparedSeed> {
    const iterator = this.batches[Symbol.iterator]();
    for (;;) {
      const started = performance.now();
      const next = iterator.next();
      const seed = next.done ? null : this.toSeed(next.value);
      this.generatingMs += performance.now() - started;
      if (!seed) return;
      yield seed;
    }
  }
}

/** Seconds spent in the importer: the phase's time less the time spent generating its rows. */
async function phase<T>(db: Database, rows: Timed<T>, types: string[], say: (m: string) => void) {
  const summary = await loadPreparedInChunks(db, rows, types, say);
  return { ...summary, seconds: Math.max(1, summary.ms - rows.generatingMs) / 1000 };
}

export async function measureImport(db: Database, graph: SyntheticGraph, say: (m: string) => void = () => {}): Promise<ImportFigures> {
  const types = graph.relationshipTypes();
  // Constraints and indexes first, untimed: on small graphs creating them would swamp the figures.
  await ensureSchema(db, types);
  const progress = (phase: string) => {
    let last = 0;
    return (m: string) => {
      if (Date.now() - last > 5000) say(`  ${phase}: ${m}`);
      last = Date.now();
    };
  };
  const nodes = await phase(db, new Timed(graph.nodeBatches(CHUNK), (rows) => ({ nodes: rows, edges: [], evidence: [] })), types, progress('nodes'));
  const edges = await phase(db, new Timed(graph.edgeBatches(CHUNK), (b) => ({ nodes: [], edges: b.edges, evidence: [] })), types, progress('relationships'));
  const sameEdges = function* () {
    for (const batch of graph.edgeBatches(CHUNK)) yield batch.edges;
  };
  say('  the same relationships through a bare UNWIND … CREATE, into a type without then with a uniqueness constraint...');
  const floor = await measureFloor(db, sameEdges(), 'bare');
  const constrainedFloor = await measureFloor(db, sameEdges(), 'constrained');
  const evidence = await phase(db, new Timed(graph.edgeBatches(CHUNK), (b) => ({ nodes: [], edges: [], evidence: b.evidence })), types, progress('evidence'));
  return {
    nodes: nodes.nodes,
    relationships: edges.edges,
    evidence: evidence.evidence,
    nodesPerSecond: nodes.nodes / nodes.seconds,
    relationshipsPerSecond: edges.edges / edges.seconds,
    evidencePerSecond: evidence.evidence / evidence.seconds,
    totalSeconds: nodes.seconds + edges.seconds + evidence.seconds,
    floorRelationshipsPerSecond: floor.relationshipsPerSecond,
    ratioToFloor: edges.edges / edges.seconds / floor.relationshipsPerSecond,
    constrainedFloorRelationshipsPerSecond: constrainedFloor.relationshipsPerSecond,
    ratioToConstrainedFloor: edges.edges / edges.seconds / constrainedFloor.relationshipsPerSecond,
  };
}
