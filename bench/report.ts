/** The bench's results: the issue's targets checked figure by figure, printed as Markdown tables, and the JSON kept. */
import type { BundleFigures } from './bundle.js';
import type { ClientRun } from './client-fps.js';
import { COLD_START_TARGETS, type ColdStartFigures } from './cold-start.js';
import { fmt, table } from './markdown.js';
import { OPERATION_LABELS, OPERATION_NAMES } from './operations.js';
import { offlineChecks, type OfflineFigures } from './offline-import.js';
import { peerChecks, peerTable } from './peer-comparison.js';
import type { SizeFigures } from './size-run.js';
import { LOAD_TARGETS } from './throughput.js';

export interface BenchResults {
  date: string;
  command: string;
  machine: { cpus: number; memoryGiB: number; node: string; loadAverageAtStart: number[]; note: string };
  database: string;
  seed: number;
  /** Keyed by size label: "10k", "100k", "1M". */
  sizes: Record<string, SizeFigures>;
  client: ClientRun[];
  bundle: BundleFigures | null;
  /** Absent in results written before it was measured. */
  coldStart?: ColdStartFigures | null;
  offline?: OfflineFigures;
  seconds: number;
}

export interface Check {
  figure: string;
  value: string;
  target: string;
  /** null: shown for information, or not measured at the size the target names. */
  met: boolean | null;
}

export const TARGETS = {
  importPerSecond: 50_000,
  importToFloor: 0.9,
  expandP95Ms: 30,
  searchP95Ms: 50,
  overheadP50: 1.1,
  fpsAt20k: 30,
  usableFps: 10,
  usableFirstDrawMs: 15_000,
  initialJsKb: 250,
};

export const sizeLabel = (nodes: number) => (nodes >= 1_000_000 ? `${nodes / 1_000_000}M` : nodes >= 1000 ? `${nodes / 1000}k` : String(nodes));
const status = (met: boolean | null) => (met === null ? '—' : met ? 'met' : 'missed');

export function checks(results: BenchResults): Check[] {
  const out: Check[] = [];
  for (const [label, size] of Object.entries(results.sizes)) {
    const i = size.import;
    out.push({ figure: `import nodes/s (${label})`, value: fmt(i.nodesPerSecond), target: `≥ ${fmt(TARGETS.importPerSecond)}`, met: i.nodesPerSecond >= TARGETS.importPerSecond });
    out.push({ figure: `import relationships/s (${label})`, value: fmt(i.relationshipsPerSecond), target: `≥ ${fmt(TARGETS.importPerSecond)}`, met: i.relationshipsPerSecond >= TARGETS.importPerSecond });
    out.push({
      figure: `import relationships/s against a bare UNWIND … CREATE (${label})`,
      value: `${fmt(i.ratioToFloor, 2)}× (${fmt(i.relationshipsPerSecond)} against ${fmt(i.floorRelationshipsPerSecond)})`,
      target: `≥ ${TARGETS.importToFloor}×`,
      met: i.ratioToFloor >= TARGETS.importToFloor,
    });
    out.push({
      figure: `import relationships/s against the same CREATE into a type with a uniqueness constraint (${label})`,
      value: `${fmt(i.ratioToConstrainedFloor, 2)}× (${fmt(i.relationshipsPerSecond)} against ${fmt(i.constrainedFloorRelationshipsPerSecond)})`,
      target: '—',
      met: null,
    });
    const f = size.ftmImport;
    out.push({
      figure: `FtM import, streamed, rows/s (${label})`,
      value: `${fmt(f.rowsPerSecond)} (${fmt(f.entitiesPerSecond)} entities/s; ${fmt(f.ratioToBulkImporter, 2)}× the bulk importer), peak heap ${f.memoryMb.heapPeak} MB`,
      target: 'peak heap ≤ 512 MB',
      met: f.memoryMb.heapPeak <= 512,
    });
    const at1M = label === '1M';
    const l = size.latency;
    out.push({ figure: `expand p95, ordinary node (${label})`, value: `${fmt(l.expand.api.p95, 1)} ms`, target: `≤ ${TARGETS.expandP95Ms} ms at 1M`, met: at1M ? l.expand.api.p95 <= TARGETS.expandP95Ms : null });
    out.push({ figure: `expand p95, hub first page (${label})`, value: `${fmt(l['expand-hub'].api.p95, 1)} ms`, target: `≤ ${TARGETS.expandP95Ms} ms at 1M`, met: at1M ? l['expand-hub'].api.p95 <= TARGETS.expandP95Ms : null });
    out.push({ figure: `search p95 (${label})`, value: `${fmt(l.search.api.p95, 1)} ms`, target: `≤ ${TARGETS.searchP95Ms} ms at 1M`, met: at1M ? l.search.api.p95 <= TARGETS.searchP95Ms : null });
    for (const name of OPERATION_NAMES) {
      const bare = `${fmt(l[name].overheadP50Bare, 2)}× against the driver without its per-query stack capture`;
      out.push({ figure: `API/driver at p50, ${OPERATION_LABELS[name]} (${label})`, value: `${fmt(l[name].overheadP50, 2)}× (${bare})`, target: `≤ ${TARGETS.overheadP50}×`, met: l[name].overheadP50 <= TARGETS.overheadP50 });
    }
    const { api, driver, throughputRatio, tailRatio } = size.throughput;
    out.push({ figure: `throughput, ${api.clients} clients (${label})`, value: `${fmt(api.requestsPerSecond)} req/s, ${api.errors} errors`, target: 'no errors', met: api.errors === 0 });
    out.push({
      figure: `throughput against the raw driver, ${driver.clients} sessions (${label})`,
      value: `${fmt(throughputRatio, 2)}× (${fmt(api.requestsPerSecond)} against ${fmt(driver.requestsPerSecond)} req/s)`,
      target: `≥ ${LOAD_TARGETS.throughputRatio}×`,
      met: throughputRatio >= LOAD_TARGETS.throughputRatio,
    });
    out.push({
      figure: `API p99 against its p50 under load (${label})`,
      value: `${fmt(tailRatio, 2)}× (${fmt(api.latency.p99)} ms against ${fmt(api.latency.p50)} ms)`,
      target: `≤ ${LOAD_TARGETS.tailRatio}×`,
      met: tailRatio <= LOAD_TARGETS.tailRatio,
    });
  }
  if (!Object.keys(results.sizes).includes('1M') && Object.keys(results.sizes).length > 0) {
    out.push({ figure: 'expand and search p95 at 1M nodes', value: 'not measured', target: 'run with --sizes 1M', met: null });
  }
  const run = (elements: number) => results.client.find((r) => r.elements === elements && (r.appChoice || r.error !== undefined));
  const at20k = run(20_000);
  if (at20k) out.push({ figure: `pan/zoom fps at 20k elements (${at20k.renderer})`, value: fmt(at20k.fps, 1), target: `≥ ${TARGETS.fpsAt20k}`, met: at20k.fps >= TARGETS.fpsAt20k });
  const at100k = run(100_000);
  if (at100k) {
    const usable = at100k.fps >= TARGETS.usableFps && at100k.firstDrawMs <= TARGETS.usableFirstDrawMs;
    out.push({ figure: `100k elements usable (${at100k.renderer}, level of detail)`, value: `${fmt(at100k.fps, 1)} fps, drawn in ${fmt(at100k.firstDrawMs / 1000, 1)} s`, target: `≥ ${TARGETS.usableFps} fps, ≤ ${TARGETS.usableFirstDrawMs / 1000} s`, met: usable });
  }
  out.push(...peerChecks(results.client));
  if (results.coldStart) out.push(...coldStartChecks(results.coldStart));
  if (results.offline) out.push(...offlineChecks(results.offline));
  if (results.bundle) {
    out.push({ figure: 'initial JavaScript, gzip', value: `${fmt(results.bundle.initialGzipKb, 1)} KB`, target: `≤ ${TARGETS.initialJsKb} KB`, met: results.bundle.initialGzipKb <= TARGETS.initialJsKb });
  }
  return out;
}

function coldStartChecks(c: ColdStartFigures): Check[] {
  const seconds = (ms: number) => `${fmt(ms / 1000, 1)} s`;
  return [
    { figure: 'seed (51 nodes) into an empty database', value: seconds(c.seedLoadMs), target: `≤ ${COLD_START_TARGETS.seedLoadMs / 1000} s`, met: c.seedLoadMs <= COLD_START_TARGETS.seedLoadMs },
    { figure: 'first claim of a new relationship type', value: seconds(c.firstClaimOfNewTypeMs), target: '—', met: null },
    { figure: 'npm start to first page (data there)', value: seconds(c.firstPageMs), target: `≤ ${COLD_START_TARGETS.firstPageMs / 1000} s`, met: c.firstPageMs <= COLD_START_TARGETS.firstPageMs },
    { figure: 'npm start to first graph call (data there)', value: seconds(c.firstGraphCallMs), target: `≤ ${COLD_START_TARGETS.firstPageMs / 1000} s`, met: c.firstGraphCallMs <= COLD_START_TARGETS.firstPageMs },
  ];
}

/** 50 clients through the API beside 50 sessions through the raw driver, same requests, and their ratios. */
function loadTable(sizes: [string, SizeFigures][]): string {
  const rows = sizes.flatMap(([label, s]) => {
    const { api, driver } = s.throughput;
    const row = (who: string, t: typeof api, ratios: string[]) => [label, who, fmt(t.requestsPerSecond), fmt(t.latency.p50), fmt(t.latency.p99), String(t.errors), String(t.requests), ...ratios];
    return [row('API', api, [`${fmt(s.throughput.throughputRatio, 2)}×`, `${fmt(s.throughput.tailRatio, 2)}×`]), row('raw driver', driver, ['', `${fmt(driver.latency.p99 / driver.latency.p50, 2)}×`])];
  });
  const { setup } = sizes[0]![1].throughput;
  return table(['size', `under load (${sizes[0]![1].throughput.api.clients} clients)`, 'req/s', 'p50 ms', 'p99 ms', 'errors', 'requests', 'req/s API/driver', 'p99/p50'], rows) + `\n\nAPI: ${setup.api}. Raw driver: ${setup.driver}.`;
}

export function formatReport(results: BenchResults): string {
  const parts: string[] = [];
  parts.push(`Threadline bench, ${results.date}: \`${results.command}\``);
  parts.push(`${results.machine.cpus} CPUs, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}, load average at start ${results.machine.loadAverageAtStart.map((l) => l.toFixed(1)).join(' ')}; ${results.database}. ${results.machine.note}`);
  parts.push(table(['figure', 'value', 'target', 'status'], checks(results).map((c) => [c.figure, c.value, c.target, status(c.met)])));
  const sizes = Object.entries(results.sizes);
  if (sizes.length) {
    const rows = sizes.flatMap(([label, size]) =>
      OPERATION_NAMES.map((name) => {
        const f = size.latency[name];
        return [label, OPERATION_LABELS[name], fmt(f.api.p50, 1), fmt(f.api.p95, 1), fmt(f.api.p99, 1), fmt(f.apiWarm.p50, 1), fmt(f.driver.p50, 1), `${fmt(f.overheadP50, 2)}×`, fmt(f.driverBare.p50, 1), `${fmt(f.overheadP50Bare, 2)}×`, String(f.api.n)];
      }),
    );
    parts.push(table(['size', 'operation', 'API p50 ms', 'p95', 'p99', 'warm API p50', 'driver p50', 'API/driver p50', 'driver p50, no stack capture', 'API/that', 'samples'], rows));
    parts.push(
      table(
        ['size', 'nodes', 'relationships', 'evidence', 'nodes/s', 'relationships/s', 'evidence/s'],
        sizes.map(([label, s]) => [label, fmt(s.nodes), fmt(s.relationships), fmt(s.import.evidence), fmt(s.import.nodesPerSecond), fmt(s.import.relationshipsPerSecond), fmt(s.import.evidencePerSecond)]),
      ),
    );
    parts.push(loadTable(sizes));
  }
  if (results.client.length) {
    parts.push(
      table(
        ['elements', 'renderer', 'level of detail', 'first draw ms', '(page + data, add)', 'fps (pan/zoom)', 'ms per redraw moving', 'full redraw ms', 'JS heap MB (before GC)'],
        results.client.map((r) => [fmt(r.elements), r.renderer + (r.appChoice ? ' (app)' : ''), r.levelOfDetail ? 'on' : 'off', r.error ? `failed: ${r.error}` : fmt(r.firstDrawMs), `${fmt(r.loadedMs)}, ${fmt(r.addMs)}`, fmt(r.fps, 1), fmt(r.redrawMs, 1), fmt(r.fullRedrawMs, 1), `${fmt(r.heapMb)} (${fmt(r.heapBeforeGcMb)})`]),
      ),
    );
  }
  const peer = peerTable(results.client);
  if (peer) parts.push(peer);
  if (results.bundle) {
    parts.push(`Initial JavaScript: ${results.bundle.files.map((f) => `${f.file} ${fmt(f.gzipKb, 1)} KB`).join(', ')}; lazy chunks ${fmt(results.bundle.lazyGzipKb, 1)} KB gzip in all, of which the force layout, fetched beside the first overview request, ${fmt(results.bundle.firstLayoutGzipKb, 1)} KB.`);
  }
  return parts.join('\n\n');
}
