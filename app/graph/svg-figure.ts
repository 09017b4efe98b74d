/**
 * A drawn graph as a figure: the scene (nodes, edges, labels in model coordinates) plus an optional title, legend
 * and sources footer. Pure, so testable without a browser; the PNG export is this SVG drawn at a scale.
 * Text is SVG `<text>`, so it stays text in Inkscape and Illustrator.
 */
import type { Measure, Scene, SceneEdge, SceneNode } from './scene';
import { shapePath } from '../../shared/style/shape-outlines';

export interface Decorations {
  title: string;
  legend: { kind: string; color: string; shape: string }[];
  sources: string[];
  background: 'white' | 'transparent';
}

export const FONT = 'Inter, system-ui, -apple-system, "Segoe UI", sans-serif';
const PAD = 16;
const TITLE_SIZE = 18;
const SMALL = 12;
const LINE = 17;

export interface FigureLayout {
  width: number;
  height: number;
  title: { x: number; y: number } | null;
  legend: { x: number; y: number; kind: string; color: string; shape: string }[];
  graph: { x: number; y: number; width: number; height: number };
  footer: { x: number; y: number; text: string; bold: boolean }[];
}

/** Where each part goes, in figure units (the PNG multiplies by its scale). */
export function layoutFigure(graph: { width: number; height: number }, decorations: Decorations, measure: Measure): FigureLayout {
  const footerLines = decorations.sources.length ? ['Sources', ...decorations.sources.map((s, i) => `${i + 1}. ${s}`)] : [];
  const textWidths = [decorations.title ? measure(decorations.title, TITLE_SIZE) : 0, ...footerLines.map((l) => measure(l, SMALL))];
  const width = Math.ceil(Math.max(graph.width, ...textWidths, 200) + 2 * PAD);
  let y = PAD;
  const title = decorations.title ? { x: PAD, y: y + TITLE_SIZE } : null;
  if (title) y += TITLE_SIZE + 12;
  const legend: FigureLayout['legend'] = [];
  let x = PAD;
  for (const item of decorations.legend) {
    const itemWidth = 14 + 5 + measure(item.kind, SMALL) + 16;
    if (x > PAD && x + itemWidth > width - PAD) {
      x = PAD;
      y += LINE + 3;
    }
    legend.push({ ...item, x, y });
    x += itemWidth;
  }
  if (legend.length) y += LINE + 10;
  const graphBox = { x: PAD + (width - 2 * PAD - graph.width) / 2, y, width: graph.width, height: graph.height };
  y += graph.height + (footerLines.length ? 14 : 0);
  const footer = footerLines.map((text, i) => ({ x: PAD, y: y + (i + 1) * LINE - 4, text, bold: i === 0 }));
  y += footerLines.length * LINE + PAD;
  return { width, height: Math.ceil(y), title, legend, graph: graphBox, footer };
}

/** Characters XML 1.0 cannot hold at all (control characters, lone surrogates): one would make the file unreadable. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for an SVG text node or a double-quoted attribute: graph text is untrusted, so it never becomes markup. */
export function escapeText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const r = (v: number) => Number(v.toFixed(2));
export const DASH: Record<string, string> = { dashed: ' stroke-dasharray="6 4"', dotted: ' stroke-dasharray="1.5 3" stroke-linecap="round"' };

/** A faded element is drawn as a group at its opacity, so its parts do not show through each other. */
const faded = (opacity: number | undefined, inner: string) => (opacity === undefined ? inner : `<g opacity="${r(opacity)}">${inner}</g>`);

function edgeSvg(edge: SceneEdge): string {
  let out = `<path d="${edge.path}" fill="none" stroke="${edge.color}" stroke-width="${edge.width}"${DASH[edge.lineStyle] ?? ''}/>`;
  if (edge.arrow) {
    const { x, y, angle, size } = edge.arrow;
    out += `<path d="M0 0 L${r(-size)} ${r(size / 2)} L${r(-size)} ${r(-size / 2)} Z" fill="${edge.color}" transform="translate(${r(x)} ${r(y)}) rotate(${r(angle)})"/>`;
  }
  return faded(edge.opacity, out);
}

function edgeLabelSvg(edge: SceneEdge, measure: Measure): string {
  if (!edge.label) return '';
  const { x, y, angle, text, fontSize, color } = edge.label;
  const w = measure(text, fontSize) + 2;
  return faded(edge.opacity, `<g transform="translate(${r(x)} ${r(y)}) rotate(${r(angle)})"><rect x="${r(-w / 2)}" y="${r(-fontSize * 0.7)}" width="${r(w)}" height="${r(fontSize * 1.3)}" fill="#f8fafc" fill-opacity="0.9"/><text text-anchor="middle" y="${r(fontSize * 0.35)}" font-size="${fontSize}" fill="${color}">${escapeText(text)}</text></g>`);
}

function nodeSvg(node: SceneNode, measure: Measure): string {
  const box = { x: node.x - node.width / 2, y: node.y - node.height / 2, width: node.width, height: node.height };
  let out = `<path d="${shapePath(node.shape, box)}" fill="${node.color}" stroke="${node.borderColor}" stroke-width="${node.borderWidth}"/>`;
  node.lines.forEach((line, i) => {
    const baseline = node.labelTop + (i + 0.8) * node.fontSize * 1.2;
    const w = measure(line, node.fontSize) + 2;
    out += `<rect x="${r(node.x - w / 2)}" y="${r(baseline - node.fontSize * 0.95)}" width="${r(w)}" height="${r(node.fontSize * 1.25)}" fill="#ffffff" fill-opacity="0.85"/>`;
    out += `<text x="${r(node.x)}" y="${r(baseline)}" text-anchor="middle" font-size="${node.fontSize}" fill="${node.textColor}">${escapeText(line)}</text>`;
  });
  return faded(node.opacity, out);
}

/** The scene's drawing in its own coordinates: edges, then their labels, then nodes on top. */
export function sceneSvg(scene: Scene, measure: Measure): string[] {
  return [...scene.edges.map(edgeSvg), ...scene.edges.map((e) => edgeLabelSvg(e, measure)), ...scene.nodes.map((n) => nodeSvg(n, measure))];
}

/** The document around a figure's parts. */
export const svgDocument = (width: number, height: number, parts: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${FONT}'>\n${parts.join('\n')}\n</svg>\n`;

export function figureSvg(scene: Scene, decorations: Decorations, measure: Measure): string {
  const graph = { width: scene.bounds.x2 - scene.bounds.x1, height: scene.bounds.y2 - scene.bounds.y1 };
  const layout = layoutFigure(graph, decorations, measure);
  const parts: string[] = [];
  if (decorations.background === 'white') parts.push(`<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`);
  if (layout.title) parts.push(`<text x="${layout.title.x}" y="${layout.title.y}" font-size="${TITLE_SIZE}" font-weight="600" fill="#0f172a">${escapeText(decorations.title)}</text>`);
  for (const item of layout.legend) {
    parts.push(`<path d="${shapePath(item.shape, { x: item.x, y: item.y + 2, width: 14, height: 14 })}" fill="${item.color}"/>`);
    parts.push(`<text x="${r(item.x + 19)}" y="${r(item.y + 13)}" font-size="${SMALL}" fill="#334155">${escapeText(item.kind)}</text>`);
  }
  const g = layout.graph;
  parts.push(`<g transform="translate(${r(g.x - scene.bounds.x1)} ${r(g.y - scene.bounds.y1)})">`);
  parts.push(...sceneSvg(scene, measure));
  parts.push('</g>');
  for (const line of layout.footer) {
    parts.push(`<text x="${line.x}" y="${line.y}" font-size="${SMALL}"${line.bold ? ' font-weight="600"' : ''} fill="#334155">${escapeText(line.text)}</text>`);
  }
  return svgDocument(layout.width, layout.height, parts);
}
