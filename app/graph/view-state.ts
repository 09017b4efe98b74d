/**
 * The view in a URL: nodes on the canvas with their positions and flags, the filters and the selection.
 * Edges and properties are not in it; they are fetched again (POST /api/subgraph) when the URL is opened.
 */
import type { Graph } from '../../shared/contract';
import type { CanvasSnapshot } from './canvas-controller';
import { edgeData, nodeData } from './sync-elements';
import { NO_FILTERS, type CanvasFilters } from './filters';
import { fromBase64Url, toBase64Url } from '../../shared/text/base64url';

export interface ViewNode {
  id: string;
  x: number;
  y: number;
  hidden: boolean;
  locked: boolean;
}

export interface ViewState {
  nodes: ViewNode[];
  filters: CanvasFilters;
  selected: string[];
}

type Packed = { v: 1; n: [string, number, number, number][]; f?: Partial<CanvasFilters>; s?: string[] };

export function viewFromSnapshot(snapshot: CanvasSnapshot, filters: CanvasFilters, selected: string[]): ViewState {
  return {
    nodes: snapshot.nodes.map((n) => ({ id: n.data.id, x: n.position.x, y: n.position.y, hidden: n.hidden, locked: n.locked })),
    filters,
    selected,
  };
}

/** The canvas a view describes, once its nodes and the edges among them are fetched again. */
export function snapshotFromView(view: ViewState, graph: Graph): CanvasSnapshot {
  const saved = new Map(view.nodes.map((n) => [n.id, n]));
  const nodes = graph.nodes.flatMap((node) => {
    const v = saved.get(node.id);
    return v ? [{ data: nodeData(node), position: { x: v.x, y: v.y }, locked: v.locked, hidden: v.hidden }] : [];
  });
  const hidden = new Set(nodes.filter((n) => n.hidden).map((n) => n.data.id));
  const present = new Set(nodes.map((n) => n.data.id));
  const edges = graph.edges
    .filter((e) => present.has(e.source) && present.has(e.target))
    .map((e) => ({ data: edgeData(e), hidden: hidden.has(e.source) || hidden.has(e.target) }));
  return { nodes, edges };
}

/** The view with ids of merged entities renamed to those they were merged into (`{old: new}`, from POST /subgraph). */
export function followRedirects(view: ViewState, redirects: Record<string, string>): ViewState {
  const rename = (id: string) => redirects[id] ?? id;
  const seen = new Set<string>();
  const nodes = view.nodes.map((n) => ({ ...n, id: rename(n.id) })).filter((n) => !seen.has(n.id) && !!seen.add(n.id));
  return { ...view, nodes, selected: [...new Set(view.selected.map(rename))] };
}

export function encodeView(view: ViewState): string {
  const packed: Packed = {
    v: 1,
    n: view.nodes.map((n) => [n.id, Math.round(n.x), Math.round(n.y), (n.hidden ? 1 : 0) | (n.locked ? 2 : 0)]),
  };
  const filters = Object.fromEntries(Object.entries(view.filters).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== null)));
  if (Object.keys(filters).length) packed.f = filters;
  if (view.selected.length) packed.s = view.selected;
  return toBase64Url(JSON.stringify(packed));
}

/** Null for anything that is not a view this version wrote: a bad link opens the default view. */
export function decodeView(encoded: string): ViewState | null {
  try {
    const packed = JSON.parse(fromBase64Url(encoded)) as Packed;
    if (packed.v !== 1 || !Array.isArray(packed.n)) return null;
    const nodes = packed.n
      .filter((n) => Array.isArray(n) && typeof n[0] === 'string' && Number.isFinite(n[1]) && Number.isFinite(n[2]))
      .map(([id, x, y, flags]) => ({ id, x, y, hidden: (flags & 1) === 1, locked: (flags & 2) === 2 }));
    const f = packed.f ?? {};
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    const range = Array.isArray(f.dateRange) && f.dateRange.length === 2 ? (f.dateRange.map(String) as [string, string]) : null;
    const filters: CanvasFilters = { ...NO_FILTERS, hiddenKinds: strings(f.hiddenKinds), hiddenTypes: strings(f.hiddenTypes), hiddenConfidence: strings(f.hiddenConfidence), dateRange: range };
    return { nodes, filters, selected: strings(packed.s) };
  } catch {
    return null;
  }
}
