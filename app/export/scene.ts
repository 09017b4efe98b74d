/** Reads what Cytoscape drew (positions, sizes, resolved styles, edge geometry) into a plain Scene for svg-figure.ts. */
import type { Core, EdgeSingular, NodeSingular, Position } from 'cytoscape';
import { FONT, type Measure, type Scene, type SceneEdge, type SceneNode } from './svg-figure';

/** Text width with the canvas's font, measured by a 2D canvas. */
export function canvasMeasure(): Measure {
  const context = document.createElement('canvas').getContext('2d')!;
  return (text, fontSize) => {
    context.font = `${fontSize}px ${FONT}`;
    return context.measureText(text).width;
  };
}

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
  return { path, color, width, lineStyle: e.style('line-style') as string, arrow, label };
}

export function sceneOf(cy: Core, measure: Measure): Scene {
  const bb = cy.elements().boundingBox({});
  const pad = 6;
  return {
    bounds: { x1: bb.x1 - pad, y1: bb.y1 - pad, x2: bb.x2 + pad, y2: bb.y2 + pad },
    nodes: cy.nodes().map((n) => sceneNode(n, measure)),
    edges: cy.edges().map(sceneEdge),
  };
}
