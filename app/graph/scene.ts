/**
 * What Cytoscape drew (positions, sizes, resolved styles, edge geometry), read into a plain Scene: the exports draw
 * their PNG and SVG from it without touching Cytoscape.
 */
import type { Core, EdgeSingular, NodeCollection, NodeSingular, Position } from 'cytoscape';
import { offscreenCopy } from './offscreen-copy';

export interface SceneNode {
  id: string;
  kind: string;
  x: number;
  y: number;
  width: number;
  height: number;
  shape: string;
  color: string;
  borderColor: string;
  borderWidth: number;
  /** The label's lines (already wrapped), drawn centred from `labelTop` down. */
  lines: string[];
  labelTop: number;
  fontSize: number;
  textColor: string;
  /** Below 1 when faded (a story step's rest); absent: opaque. */
  opacity?: number;
}

export interface SceneEdge {
  id: string;
  source: string;
  target: string;
  /** SVG path data of the line. */
  path: string;
  color: string;
  width: number;
  lineStyle: string;
  arrow: { x: number; y: number; angle: number; size: number } | null;
  label: { x: number; y: number; angle: number; text: string; fontSize: number; color: string } | null;
  opacity?: number;
}

export interface Scene {
  bounds: { x1: number; y1: number; x2: number; y2: number };
  nodes: SceneNode[];
  edges: SceneEdge[];
}

/** The width of a text at a font size, as the figure will draw it. */
export type Measure = (text: string, fontSize: number) => number;

/** Word wrap as Cytoscape's `text-wrap: wrap` does it: break at spaces to stay under `maxWidth`. */
export function wrapLabel(text: string, maxWidth: number, fontSize: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function sceneNode(n: NodeSingular, measure: Measure): SceneNode {
  const { x, y } = n.position();
  const fontSize = n.numericStyle('font-size');
  const borderWidth = n.numericStyle('border-width');
  return {
    id: n.id(),
    kind: String(n.data('kind')),
    x,
    y,
    width: n.width(),
    height: n.height(),
    shape: n.style('shape') as string,
    color: n.style('background-color') as string,
    borderColor: n.style('border-color') as string,
    borderWidth,
    lines: wrapLabel(String(n.data('label') ?? ''), n.numericStyle('text-max-width') || 110, fontSize, measure),
    labelTop: y + n.height() / 2 + borderWidth / 2 + n.numericStyle('text-margin-y'),
    fontSize,
    textColor: n.style('color') as string,
    ...opacityOf(n),
  };
}

const pt = (p: Position) => `${Number(p.x.toFixed(2))} ${Number(p.y.toFixed(2))}`;
const degrees = (from: Position, to: Position) => (Math.atan2(to.y - from.y, to.x - from.x) * 180) / Math.PI;

function sceneEdge(e: EdgeSingular): SceneEdge {
  const s = e.sourceEndpoint();
  const t = e.targetEndpoint();
  const controls = (e.controlPoints() as Position[] | undefined) ?? [];
  let path = `M${pt(s)}`;
  controls.forEach((c, i) => {
    const next = controls[i + 1];
    path += ` Q${pt(c)} ${pt(next ? { x: (c.x + next.x) / 2, y: (c.y + next.y) / 2 } : t)}`;
  });
  if (controls.length === 0) path += ` L${pt(t)}`;
  const width = e.numericStyle('width');
  const color = e.style('line-color') as string;
  const arrow = e.style('target-arrow-shape') === 'none' ? null : { x: t.x, y: t.y, angle: degrees(controls[controls.length - 1] ?? s, t), size: 6 * e.numericStyle('arrow-scale') + width * 2 };
  const text = String(e.style('label') ?? '');
  let angle = degrees(s, t);
  if (angle > 90) angle -= 180;
  if (angle < -90) angle += 180;
  const mid = e.midpoint();
  const label = text ? { x: mid.x, y: mid.y, angle, text, fontSize: e.numericStyle('font-size'), color: e.style('color') as string } : null;
  return { id: e.id(), source: e.source().id(), target: e.target().id(), path, color, width, lineStyle: e.style('line-style') as string, arrow, label, ...opacityOf(e) };
}

function opacityOf(element: NodeSingular | EdgeSingular): { opacity?: number } {
  const opacity = element.numericStyle('opacity');
  return opacity < 1 ? { opacity } : {};
}

/** Everything `cy` holds, as drawn; `bounds` defaults to all of it. */
export function sceneOf(cy: Core, measure: Measure, bounds?: Scene['bounds']): Scene {
  const bb = cy.elements().boundingBox({});
  const pad = 6;
  return {
    bounds: bounds ?? { x1: bb.x1 - pad, y1: bb.y1 - pad, x2: bb.x2 + pad, y2: bb.y2 + pad },
    nodes: cy.nodes().map((n) => sceneNode(n, measure)),
    edges: cy.edges().map(sceneEdge),
  };
}

/**
 * How these elements of `cy` look where they are: drawn by a hidden copy with the full-detail stylesheet and none
 * of the canvas's state (selection, highlight, fading, level of detail).
 */
export function drawnScene(cy: Core, elements: { nodes: string[]; edges: string[] }, measure: Measure): Scene {
  const copy = offscreenCopy(cy, elements);
  try {
    return sceneOf(copy, measure);
  } finally {
    copy.destroy();
  }
}

/** Visible nodes, the visible edges among them, and where the nodes are. */
export interface VisibleElements { nodes: string[]; edges: string[]; positions: Record<string, Position> }

/**
 * Every visible node of `cy`, or the visible ones among `among`, with the visible edges between them. Hidden and
 * filtered-out elements are never part of it.
 */
export function visibleElements(cy: Core, among?: readonly string[]): VisibleElements {
  // A large view's communities and their aggregate edges (communities/) stand for elements; they are not ones.
  const visible = cy.elements(':visible').not('[kind = "community"], [type = "aggregate"]');
  const chosen = among ? new Set(among) : null;
  const nodes = visible.nodes().filter((n) => !chosen || chosen.has(n.id())) as NodeCollection;
  const inside = new Set(nodes.map((n) => n.id()));
  const edges = visible.edges().filter((e) => inside.has(e.source().id()) && inside.has(e.target().id()));
  return { nodes: [...inside], edges: edges.map((e) => e.id()), positions: Object.fromEntries(nodes.map((n) => [n.id(), { ...n.position() }])) };
}
