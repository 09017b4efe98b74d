/**
 * The offline first load (server/db/offline-import): a synthetic graph of `nodes` nodes, about three relationships
 * each and their quotes, into an empty local Neo4j of its own: files written, Neo4j stopped, imported, started, the
 * schema online, then a search and an expansion answered. Beside it, the transactional path (the bulk importer with
 * its schema) on a smaller graph, scaled linearly to the same size, for the ratio. Generating the rows is not counted.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPreparedInChunks, type LoadSummary, type PreparedSeed } from '../server/db/graph-writer.js';
import { startLocalNeo4j } from '../server/db/local-neo4j.js';
import { connect, type Database } from '../server/db/neo4j.js';
import { loadOffline, type OfflineSummary } from '../server/db/offline-import/offline-load.js';
import { SyntheticGraph } from './generator.js';
import { CHUNK, Timed } from './import.js';
import { freePort } from '../scripts/free-port.js';
import { memoryFor } from './neo4j.js';
import type { Check } from './report.js';

export const OFFLINE_TARGET_SECONDS = 60;

export interface OfflineFigures {
  nodes: number;
  relationships: number;
  evidence: number;
  /** Loaded, indexed and answering, less the time spent generating rows. */
  seconds: number;
  /** The first search and expansion after the load, included in `seconds`. */
  firstAnswerMs: number;
  /** Generating the rows, inside the files phase and left out of `seconds`. */
  generatingMs: number;
  /** Files written (generation included), Neo4j stopped, the importer, Neo4j started, empty lists set, schema online. */
  phases: OfflineSummary['phases'];
  transactional: { nodes: number; seconds: number; scaledSeconds: number };
  /** Transactional seconds (scaled) over offline seconds. */
  ratio: number;
}

interface Options {
  nodes: number;
  transactionalNodes: number;
  seed: number;
  say: (m: string) => void;
}

/** The generator's nodes, then its relationships with their quotes, each timing its generation so it can be left out. */
function chunks(graph: SyntheticGraph) {
  const nodes = new Timed(graph.nodeBatches(CHUNK), (rows) => ({ nodes: rows, edges: [], evidence: [] }));
  const edges = new Timed(graph.edgeBatches(CHUNK), (b) => ({ nodes: [], edges: b.edges, evidence: b.evidence }));
  return {
    rows: (function* (): Generator<PreparedSeed> {
      yield* nodes;
      yield* edges;
    })(),
    generatingMs: () => nodes.generatingMs + edges.generatingMs,
  };
}

/** A search through the full-text index and one node's neighbours through the id constraint's index. */
async function answer(db: Database, graph: SyntheticGraph): Promise<void> {
  await db.driver.executeQuery(`CALL db.index.fulltext.queryNodes('entity_search', 'Salvador') YIELD node RETURN node.id LIMIT 10`, {}, { database: db.database });
  await db.driver.executeQuery('MATCH (n:Entity {id: $id})-[r]-(m) RETURN r.id, m.id LIMIT 50', { id: graph.hubs[0]!.id }, { database: db.database });
}

/** One load into a fresh local Neo4j, by the path given; seconds from the first row to the first answer, less generation. */
async function timedLoad(nodes: number, seed: number, say: (m: string) => void, via: 'offline' | 'transactional'): Promise<{ seconds: number; firstAnswerMs: number; generatingMs: number; evidence: number; relationships: number; phases?: OfflineSummary['phases'] }> {
  const graph = new SyntheticGraph({ nodes, seed });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'threadline-bench-offline-'));
  const local = await startLocalNeo4j({ dataDir, host: '127.0.0.1', port: await freePort(), password: 'threadline-bench-password', ...memoryFor(nodes), onProgress: say });
  const db = connect(local);
  try {
    const input = chunks(graph);
    const started = performance.now();
    const loaded: LoadSummary & Partial<Pick<OfflineSummary, 'phases'>> =
      via === 'offline'
        ? await loadOffline(db, local, input.rows, (m) => say(`  ${m}`))
        : await loadPreparedInChunks(db, input.rows, graph.relationshipTypes());
    if (via === 'transactional') await db.driver.executeQuery('CALL db.awaitIndexes(900)', {}, { database: db.database });
    const answering = performance.now();
    await answer(db, graph);
    const firstAnswerMs = performance.now() - answering;
    return { seconds: (performance.now() - started - input.generatingMs()) / 1000, firstAnswerMs, generatingMs: input.generatingMs(), evidence: loaded.evidence, relationships: loaded.edges, phases: loaded.phases };
  } finally {
    await db.close();
    await local.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function measureOfflineImport({ nodes, transactionalNodes, seed, say }: Options): Promise<OfflineFigures> {
  say(`Offline first load of ${nodes} nodes...`);
  const offline = await timedLoad(nodes, seed, say, 'offline');
  say(`  ${offline.seconds.toFixed(1)} s. The transactional path on ${transactionalNodes} nodes, for the ratio...`);
  const transactional = await timedLoad(transactionalNodes, seed, say, 'transactional');
  const scaledSeconds = (transactional.seconds * nodes) / transactionalNodes;
  return {
    nodes,
    relationships: offline.relationships,
    evidence: offline.evidence,
    seconds: offline.seconds,
    firstAnswerMs: offline.firstAnswerMs,
    generatingMs: offline.generatingMs,
    phases: offline.phases!,
    transactional: { nodes: transactionalNodes, seconds: transactional.seconds, scaledSeconds },
    ratio: scaledSeconds / offline.seconds,
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function offlineChecks(o: OfflineFigures): Check[] {
  const scaled = o.transactional.nodes === o.nodes ? '' : `, measured at ${o.transactional.nodes} nodes and scaled linearly`;
  return [
    {
      figure: `first load, offline importer (${o.nodes} nodes, ${o.relationships} relationships, ${o.evidence} quotes), loaded, indexed and answering`,
      value: `${o.seconds.toFixed(1)} s (files ${s(o.phases.filesMs - o.generatingMs)} + generating ${s(o.generatingMs)}, stop ${s(o.phases.stopMs)}, importer ${s(o.phases.importMs)}, start ${s(o.phases.startMs)}, empty lists ${s(o.phases.emptyListsMs)}, schema ${s(o.phases.schemaMs)}, first answers ${Math.round(o.firstAnswerMs)} ms)`,
      target: o.nodes >= 1_000_000 ? `≤ ${OFFLINE_TARGET_SECONDS} s at 1M` : `≤ ${OFFLINE_TARGET_SECONDS} s at 1M (not this size)`,
      met: o.nodes >= 1_000_000 ? o.seconds <= OFFLINE_TARGET_SECONDS : null,
    },
    {
      figure: 'first load, transactional over offline',
      value: `${o.ratio.toFixed(1)}× (${o.transactional.scaledSeconds.toFixed(0)} s${scaled})`,
      target: '—',
      met: null,
    },
  ];
}
