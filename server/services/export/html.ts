/**
 * One self-contained, interactive HTML file: Cytoscape's minified build and a small viewer inlined, the graph
 * drawn with the app's stylesheet, evidence on click, and the sources. No network access is needed (a CSP
 * forbids it), and the page fits an iframe. Graph text only ever reaches the page as JSON in a
 * `<script type="application/json">` (with `<` escaped) and is put on screen with textContent.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { styleOf } from '../../../shared/style/palette.js';
import { shapePath } from '../../../shared/style/shape-outlines.js';
import { stylesheet } from '../../../shared/style/stylesheet.js';
import type { NodeRow } from '../../db/graph-writer.js';
import type { ExportData } from './collect-subgraph.js';
import { escapeXml } from './xml-escape.js';
import { edgeLabel, kindOf } from '../../../shared/model/graph-model.js';
import { stringList } from '../../db/to-graph.js';

export interface PageAssets {
  cytoscape: string;
  viewer: string;
  css: string;
}

let cytoscapeCode: string | undefined;
const pages = new Map<string, Omit<PageAssets, 'cytoscape'>>();

/** Read once: Cytoscape from node_modules, and per page kind the viewer `<name>.js` and its `<name>.css` beside this file. */
export function loadAssets(name: 'html-viewer' | 'story-viewer'): PageAssets {
  const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
  cytoscapeCode ??= readFileSync(createRequire(import.meta.url).resolve('cytoscape/dist/cytoscape.min.js'), 'utf8');
  let page = pages.get(name);
  if (!page) pages.set(name, (page = { viewer: readFileSync(here(`./${name}.js`), 'utf8'), css: readFileSync(here(`./${name}.css`), 'utf8') }));
  return { cytoscape: cytoscapeCode, ...page };
}

/** What every exported page allows: its own inline script and style and data: images, no request at all. */
export const PAGE_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'";

/** A self-contained page up to `<body>`: the CSP, the title and the inline stylesheet; `head` is added before the title. */
export function pageHead(title: string, css: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
${head}<title>${escapeXml(title)}</title>
<style>${css}</style>
</head>
<body>
`;
}

/** The end of a page: its data as JSON in `#dataId`, then Cytoscape and the viewer that reads it. */
export function pageScripts(dataId: string, data: unknown, { cytoscape, viewer }: PageAssets): string {
  return `<script type="application/json" id="${dataId}">${scriptJson(data)}</script>
<script>${inlineScript(cytoscape)}</script>
<script>${inlineScript(viewer)}</script>
</body>
</html>
`;
}

/** JSON that cannot end the script element it sits in, nor break a JavaScript string. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Inlined code must not contain `</script`, which would end its element early. */
const inlineScript = (code: string) => code.replace(/<\/script/gi, '<\\/script');

function display(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function propertyPairs(properties: Record<string, unknown>): [string, string][] {
  return Object.entries(properties)
    .filter(([key, value]) => key !== 'evidence' && key !== 'name' && key !== 'text' && value !== null && value !== '')
    .map(([key, value]) => [key, display(value)]);
}

const evidenceIds = (properties: Record<string, unknown>) => stringList(properties.evidence);

const nameOf = (n: NodeRow) => (typeof n.properties.name === 'string' ? n.properties.name : n.id);

/** The graph as the viewers draw it: the app's stylesheet and the elements, placed when every node has a position. */
export function viewerElements({ nodes, edges, positions }: Pick<ExportData, 'nodes' | 'edges' | 'positions'>) {
  const positioned = nodes.length > 0 && nodes.every((n) => positions[n.id]);
  return {
    style: stylesheet,
    positioned,
    elements: {
      nodes: nodes.map((n) => ({ data: { id: n.id, label: nameOf(n), kind: kindOf(n.labels) }, ...(positioned ? { position: positions[n.id] } : {}) })),
      edges: edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, label: edgeLabel(e.type), type: e.type, confidence: e.properties.confidence } })),
    },
  };
}

/** The HTML export's data: the elements, and what its details panel shows of each, the quotes and the sources. */
export function viewerData(data: ExportData) {
  const names = new Map(data.nodes.map((n) => [n.id, nameOf(n)]));
  const details: Record<string, { kind: string; title: string; properties: [string, string][]; evidence: string[] }> = {};
  for (const n of data.nodes) details[n.id] = { kind: kindOf(n.labels), title: names.get(n.id)!, properties: propertyPairs(n.properties), evidence: evidenceIds(n.properties) };
  for (const e of data.edges) {
    const title = `${names.get(e.source)} ${edgeLabel(e.type)} ${names.get(e.target)}`;
    details[e.id] = { kind: e.type, title, properties: propertyPairs(e.properties), evidence: evidenceIds(e.properties) };
  }
  return {
    ...viewerElements(data),
    details,
    evidence: Object.fromEntries(data.evidence.map(({ id, quote, attribution, confidence, sourceId }) => [id, { quote, attribution, confidence, sourceId }])),
    sources: data.sources.map(sourceEntry),
  };
}

function sourceEntry(s: NodeRow) {
  const p = s.properties;
  const text = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : undefined);
  const url = text('url');
  return { id: s.id, name: text('name') ?? s.id, publisher: text('publisher'), url: url && /^https?:\/\//.test(url) ? url : undefined, text: text('text') };
}

export function legend(data: ExportData): string {
  const kinds = [...new Set(data.nodes.map((n) => kindOf(n.labels)))].sort();
  return kinds
    .map((kind) => {
      const { color, shape } = styleOf([kind]);
      const icon = `<svg viewBox="0 0 10 10" aria-hidden="true"><path d="${shapePath(shape, { x: 0, y: 0, width: 10, height: 10 })}" fill="${color}"/></svg>`;
      return `<li>${icon}${escapeXml(kind)}</li>`;
    })
    .join('');
}

export async function* writeHtml(data: ExportData): AsyncGenerator<string> {
  const assets = loadAssets('html-viewer');
  const counts = `${data.nodes.length} nodes · ${data.edges.length} relationships · ${data.evidence.length} quotes · exported ${data.exportedAt.slice(0, 10)} from Threadline`;
  yield `${pageHead(data.title, assets.css)}<header><h1>${escapeXml(data.title)}</h1><span class="meta">${escapeXml(counts)}</span><ul class="legend" aria-label="Legend">${legend(data)}</ul></header>
<main><div class="canvas"><button id="fit" type="button">Fit</button><div id="graph" role="img" aria-label="Graph"></div></div><aside id="details" aria-live="polite"></aside></main>
`;
  yield pageScripts('threadline-data', viewerData(data), assets);
}
