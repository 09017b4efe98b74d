/**
 * GEXF 1.2 for Gephi (the version Gephi, NetworkX and graphology all read, and whose schema we validate against:
 * tests/fixtures/xsd/gexf.xsd): typed attributes (string lists as `liststring`; other lists and mixed values as
 * JSON strings), the node's name as its label, the relationship type as the edge attribute `kind`, colours and
 * shapes as on the canvas, and `viz:position` when the request carried canvas positions (y flipped: Gephi's y
 * axis points up).
 */
import { styleOf } from '../../../shared/style/palette.js';
import type { ExportData } from './collect-subgraph.js';
import { evidenceLookup, graphNodes } from './element-evidence.js';
import { columnName, propertyColumns, RESERVED_EDGE_NAMES, RESERVED_NODE_NAMES, type Column } from './property-types.js';
import { escapeXml, xmlAttributes } from './xml-escape.js';
import { edgeLabel } from '../../../shared/model/graph-model.js';

const GEXF_TYPE: Record<Column['kind'], string> = {
  string: 'string',
  integer: 'long',
  float: 'double',
  boolean: 'boolean',
  'string[]': 'liststring',
  'integer[]': 'string',
  'float[]': 'string',
  json: 'string',
};

const SCALAR_KINDS: ReadonlySet<Column['kind']> = new Set(['string', 'integer', 'float', 'boolean']);

const VIZ_SHAPE: Record<string, string> = { ellipse: 'disc', 'round-rectangle': 'square', triangle: 'triangle', diamond: 'diamond' };

interface Attribute {
  id: string;
  title: string;
  type: string;
  encode: (value: unknown) => string;
}

/** Attribute ids are numbers, as Gephi writes them (readers such as graphology then take the title as the name). */
function attributesFor(columns: Column[], fixed: Attribute[], reserved: ReadonlySet<string>): Attribute[] {
  const fromColumns = columns.map((c, i) => ({
    id: String(fixed.length + i),
    title: columnName(c.name, reserved),
    type: GEXF_TYPE[c.kind],
    encode: (v: unknown) => (SCALAR_KINDS.has(c.kind) ? String(v) : JSON.stringify(v)),
  }));
  return [...fixed, ...fromColumns];
}

const json = (id: string, title: string): Attribute => ({ id, title, type: 'string', encode: (v: unknown) => JSON.stringify(v) });

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
  const nodeColumns = propertyColumns(nodes, data.kinds.node);
  const edgeColumns = propertyColumns(data.edges, data.kinds.edge);
  const nodeAttributes = attributesFor(nodeColumns, [json('0', 'labels'), json('1', 'quotes')], RESERVED_NODE_NAMES);
  const edgeAttributes = attributesFor(edgeColumns, [json('0', 'quotes'), { id: '1', title: 'kind', type: 'string', encode: String }], RESERVED_EDGE_NAMES);

  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n';
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
    const values = [evidenceOf(e), e.type, ...edgeColumns.map((c) => e.properties[c.name])];
    yield `    <edge${xmlAttributes({ id: e.id, source: e.source, target: e.target, label: edgeLabel(e.type) })}>\n${attvalues(edgeAttributes, values)}    </edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
