/**
 * Threadline against its peer on the canvas bench (issue 16): at each size both drew, the explorer's own renderer
 * (the one it picks in this browser) and sigma.js side by side, four figures each, with Threadline's figure as a
 * ratio of sigma's; and the targets: at 100,000 elements a first draw within 5 s, 30 fps moving, 400 MB of
 * JS heap and no figure worse than the peer's; at 20,000, every figure ahead of the peer's.
 */
import { PEER, type ClientRun } from './client-fps.js';
import { fmt, table } from './markdown.js';
import type { Check } from './report.js';

interface Figure {
  name: string;
  of: (run: ClientRun) => number;
  show: (value: number) => string;
  /** Whether a smaller value is the better one (times, memory) or a larger (frames per second). */
  lowerIsBetter: boolean;
  /** The limit at 100,000 elements, when it sets one. */
  limitAt100k?: number;
}

const FIGURES: Figure[] = [
  { name: 'first draw', of: (r) => r.firstDrawMs, show: (ms) => `${fmt(ms / 1000, 1)} s`, lowerIsBetter: true, limitAt100k: 5_000 },
  { name: 'fps moving', of: (r) => r.fps, show: (fps) => fmt(fps, 1), lowerIsBetter: false, limitAt100k: 30 },
  { name: 'full redraw', of: (r) => r.fullRedrawMs, show: (ms) => `${fmt(ms, 1)} ms`, lowerIsBetter: true },
  { name: 'JS heap after GC', of: (r) => r.heapMb, show: (mb) => `${fmt(mb)} MB`, lowerIsBetter: true, limitAt100k: 400 },
];

interface Pair {
  elements: number;
  threadline: ClientRun;
  peer: ClientRun;
}

/** Sizes where both the explorer's own choice and the peer were measured. */
function pairs(client: ClientRun[]): Pair[] {
  return client
    .filter((r) => r.appChoice)
    .flatMap((threadline) => {
      const peer = client.find((r) => r.renderer === PEER && r.elements === threadline.elements);
      return peer ? [{ elements: threadline.elements, threadline, peer }] : [];
    });
}

/** How Threadline drew the view: its renderer, and its communities when it started as communities (sigma draws all). */
const drawnAs = (run: ClientRun) => (run.drawnElements < run.elements ? `${run.renderer}, communities first: ${fmt(run.drawnElements)} drawn` : run.renderer);

const ratio = (f: Figure, p: Pair) => f.of(p.threadline) / f.of(p.peer);
/** 1 when Threadline is ahead, 0 level, -1 behind (NaN figures count as behind). */
function standing(f: Figure, p: Pair): number {
  const [t, s] = [f.of(p.threadline), f.of(p.peer)];
  if (!Number.isFinite(t) || !Number.isFinite(s)) return -1;
  return t === s ? 0 : (t < s) === f.lowerIsBetter ? 1 : -1;
}

export function peerTable(client: ClientRun[]): string | null {
  const rows = pairs(client).flatMap((p) =>
    FIGURES.map((f) => [fmt(p.elements), f.name, `${f.show(f.of(p.threadline))} (${drawnAs(p.threadline)})`, f.show(f.of(p.peer)), `${fmt(ratio(f, p), 2)}×`, ['sigma', 'level', 'Threadline'][standing(f, p) + 1]!]),
  );
  return rows.length ? table(['elements', 'figure', 'Threadline', 'sigma.js (peer)', 'Threadline/sigma', 'ahead'], rows) : null;
}

export function peerChecks(client: ClientRun[]): Check[] {
  const out: Check[] = [];
  for (const p of pairs(client)) {
    const at100k = p.elements === 100_000;
    if (!at100k && p.elements !== 20_000) continue;
    for (const f of FIGURES) {
      const t = f.of(p.threadline);
      const limit = at100k && f.limitAt100k !== undefined ? `${f.lowerIsBetter ? '≤' : '≥'} ${f.show(f.limitAt100k)}, ` : '';
      const withinLimit = !limit || (f.lowerIsBetter ? t <= f.limitAt100k! : t >= f.limitAt100k!);
      out.push({
        figure: `${f.name} at ${fmt(p.elements)} elements against sigma.js`,
        value: `${f.show(t)} against ${f.show(f.of(p.peer))} (${fmt(ratio(f, p), 2)}×)`,
        target: `${limit}${at100k ? 'no worse than sigma' : 'ahead of sigma'}`,
        met: withinLimit && standing(f, p) >= (at100k ? 0 : 1),
      });
    }
  }
  return out;
}
