/**
 * GEXF 1.3 for Gephi: typed attributes (lists as `liststring`/`listlong`/`listdouble`), the node's name as its
 * label, the relationship type as the edge's `kind`, colours and shapes as on the canvas, and `viz:position`
 * when the request carried canvas positions (y flipped: Gephi's y axis points up).
 */
import { styleOf } from '../../../shared/style/palette.js';
import type { ExportData } from './collect-subgraph.js';
import { evidenceLookup, graphNodes } from './element-evidence.js';
import { propertyColumns, type Column } from './property-types.js';
import { escapeXml, xmlAttributes } from './xml-escape.js';
import { edgeLabel } from '../../../shared/model/graph-model.js';

const GEXF_TYPE: Record<Column['kind'], string> = {
  string: 'string',
  integer: 'long',
  float: 'double',
  boolean: 'boolean',
  'string[]': 'liststring',
  'integer[]': 'listlong',
  'float[]': 'listdouble',
  json: 'string',
};

const VIZ_SHAPE: Record<string, string> = { ellipse: 'disc', 'round-rectangle': 'square', triangle: 'triangle', diamond: 'diamond' };

interface Attribute {
  id: string;
  title: string;
  type: string;
  encode: (value: unknown) => string;
}

/** Attribute ids are numbers, as Gephi writes them (readers such as graphology then take the title as the name). */
function attributesFor(columns: Column[], extra: string[]): Attribute[] {
  const fixed = extra.map((title, i) => ({ id: String(i), title, type: 'string', encode: (v: unknown) => JSON.stringify(v) }));
  const fromColumns = columns.map((c, i) => ({
    id: String(extra.length + i),
    title: extra.includes(c.name) ? `property.${c.name}` : c.name,
    type: GEXF_TYPE[c.kind],
    encode: (v: unknown) => (c.kind === 'string' ? String(v) : c.kind === 'integer' || c.kind === 'float' || c.kind === 'boolean' ? String(v) : JSON.stringify(v)),
  }));
  return [...fixed, ...fromColumns];
}

function attributesElement(cls: 'node' | 'edge', attributes: Attribute[]): string {
  const lines = attributes.map((a) => `      <attribute${xmlAttributes({ id: a.id, title: a.title, type: a.type })}/>\n`).join('');
  return `    <attributes class="${cls}">\n${lines}    </attributes>\n`;
}

function attvalues(attributes: Attribute[], values: unknown[]): string {
  const lines = attributes
    .map((a, i) => (values[i] === null || values[i] === undefined ? '' : `        <attvalue${xmlAttributes({ for: a.id, value: a.encode(values[i]) })}/>\n`))
    .join('');
  return lines ? `      <attvalues>\n${lines}      </attvalues>\n` : '';
}

function rgb(hex: string): { r: number; g: number; b: number } {
  const n = Number.parseInt(hex.slice(1), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

export async function* writeGexf(data: ExportData): AsyncGenerator<string> {
  const nodes = graphNodes(data);
  const evidenceOf = evidenceLookup(data);
  const nodeColumns = propertyColumns(nodes);
  const edgeColumns = propertyColumns(data.edges);
  const nodeAttributes = attributesFor(nodeColumns, ['labels', 'quotes']);
  const edgeAttributes = attributesFor(edgeColumns, ['quotes']);

  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n';
  yield `  <meta lastmodifieddate="${data.exportedAt.slice(0, 10)}">\n    <creator>Threadline</creator>\n    <description>${escapeXml(data.title)}</description>\n  </meta>\n`;
  yield '  <graph defaultedgetype="directed" mode="static">\n';
  yield attributesElement('node', nodeAttributes) + attributesElement('edge', edgeAttributes);

  yield '    <nodes>\n';
  for (const n of nodes) {
    const label = typeof n.properties.name === 'string' ? n.properties.name : n.id;
    const quotes = evidenceOf(n);
    const values = [n.labels, quotes.length ? quotes : null, ...nodeColumns.map((c) => n.properties[c.name])];
    const style = styleOf(n.labels);
    const { r, g, b } = rgb(style.color);
    const position = data.positions[n.id];
    let viz = `      <viz:color${xmlAttributes({ r, g, b })}/>\n      <viz:size value="10"/>\n`;
    viz += `      <viz:shape value="${VIZ_SHAPE[style.shape] ?? 'disc'}"/>\n`;
    if (position) viz += `      <viz:position${xmlAttributes({ x: position.x, y: -position.y, z: 0 })}/>\n`;
    yield `    <node${xmlAttributes({ id: n.id, label })}>\n${attvalues(nodeAttributes, values)}${viz}    </node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  for (const e of data.edges) {
    const values = [evidenceOf(e), ...edgeColumns.map((c) => e.properties[c.name])];
    yield `    <edge${xmlAttributes({ id: e.id, source: e.source, target: e.target, kind: e.type, label: edgeLabel(e.type) })}>\n${attvalues(edgeAttributes, values)}    </edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
