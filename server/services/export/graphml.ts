/**
 * GraphML for Gephi, yEd and NetworkX: every property as a typed attribute (`<key attr.type>`), the kind labels,
 * a readable `label`, and each element's evidence as JSON in `quotes`. Lists and mixed values are JSON strings
 * marked `threadline:encoding="json"`, so the importer reads them back as they were.
 */
import type { ExportData } from './collect-subgraph.js';
import { evidenceLookup, graphNodes } from './element-evidence.js';
import { propertyColumns, type Column } from './property-types.js';
import { escapeXml, xmlAttributes } from './xml-escape.js';
import { edgeLabel } from '../../../shared/model/graph-model.js';

export const THREADLINE_XML_NS = 'urn:threadline:graph-export:1';
/** Attribute names the format itself uses; a property with one of these names is written as `property.<name>`. */
export const RESERVED_NODE_ATTRIBUTES = new Set(['label', 'labels', 'quotes', 'x', 'y']);
export const RESERVED_EDGE_ATTRIBUTES = new Set(['label', 'type', 'quotes']);

const GRAPHML_TYPE = { string: 'string', integer: 'long', float: 'double', boolean: 'boolean' } as const;

interface Key {
  id: string;
  name: string;
  type: string;
  json: boolean;
}

function keysFor(prefix: string, columns: Column[], reserved: ReadonlySet<string>): Key[] {
  return columns.map((c, i) => {
    const scalar = GRAPHML_TYPE[c.kind as keyof typeof GRAPHML_TYPE];
    return { id: `${prefix}${i}`, name: reserved.has(c.name) ? `property.${c.name}` : c.name, type: scalar ?? 'string', json: !scalar };
  });
}

function keyElement(key: Key, target: 'graph' | 'node' | 'edge'): string {
  const encoding = key.json ? ` threadline:encoding="json"` : '';
  return `  <key${xmlAttributes({ id: key.id, for: target, 'attr.name': key.name, 'attr.type': key.type })}${encoding}/>\n`;
}

function dataElement(key: Key, value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = key.json ? JSON.stringify(value) : String(value);
  return `      <data key="${key.id}">${escapeXml(text)}</data>\n`;
}

export async function* writeGraphml(data: ExportData): AsyncGenerator<string> {
  const nodes = graphNodes(data);
  const evidenceOf = evidenceLookup(data);
  const nodeColumns = propertyColumns(nodes);
  const edgeColumns = propertyColumns(data.edges);
  const nodeKeys = keysFor('np', nodeColumns, RESERVED_NODE_ATTRIBUTES);
  const edgeKeys = keysFor('ep', edgeColumns, RESERVED_EDGE_ATTRIBUTES);
  const meta = {
    title: { id: 'g_title', name: 'title', type: 'string', json: false },
    exportedAt: { id: 'g_exported', name: 'exportedAt', type: 'string', json: false },
    version: { id: 'g_version', name: 'threadlineVersion', type: 'int', json: false },
  };
  const node = {
    label: { id: 'n_label', name: 'label', type: 'string', json: false },
    labels: { id: 'n_labels', name: 'labels', type: 'string', json: true },
    quotes: { id: 'n_quotes', name: 'quotes', type: 'string', json: true },
    x: { id: 'n_x', name: 'x', type: 'double', json: false },
    y: { id: 'n_y', name: 'y', type: 'double', json: false },
  };
  const edge = {
    label: { id: 'e_label', name: 'label', type: 'string', json: false },
    type: { id: 'e_type', name: 'type', type: 'string', json: false },
    quotes: { id: 'e_quotes', name: 'quotes', type: 'string', json: true },
  };
  const hasPositions = Object.keys(data.positions).length > 0;

  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:threadline="${THREADLINE_XML_NS}" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n`;
  for (const key of Object.values(meta)) yield keyElement(key, 'graph');
  for (const key of [node.label, node.labels, node.quotes, ...(hasPositions ? [node.x, node.y] : []), ...nodeKeys]) yield keyElement(key, 'node');
  for (const key of [edge.label, edge.type, edge.quotes, ...edgeKeys]) yield keyElement(key, 'edge');
  yield '  <graph id="threadline" edgedefault="directed">\n';
  yield `${dataElement(meta.title, data.title)}${dataElement(meta.exportedAt, data.exportedAt)}${dataElement(meta.version, 1)}`.replace(/^ {6}/gm, '    ');

  for (const n of nodes) {
    let out = `    <node id="${escapeXml(n.id)}">\n`;
    out += dataElement(node.label, typeof n.properties.name === 'string' ? n.properties.name : n.id);
    out += dataElement(node.labels, n.labels);
    const position = data.positions[n.id];
    if (position) out += dataElement(node.x, position.x) + dataElement(node.y, position.y);
    nodeColumns.forEach((c, i) => (out += dataElement(nodeKeys[i]!, n.properties[c.name])));
    const quotes = evidenceOf(n);
    if (quotes.length) out += dataElement(node.quotes, quotes);
    yield `${out}    </node>\n`;
  }
  for (const e of data.edges) {
    let out = `    <edge${xmlAttributes({ id: e.id, source: e.source, target: e.target })}>\n`;
    out += dataElement(edge.label, edgeLabel(e.type)) + dataElement(edge.type, e.type);
    edgeColumns.forEach((c, i) => (out += dataElement(edgeKeys[i]!, e.properties[c.name])));
    out += dataElement(edge.quotes, evidenceOf(e));
    yield `${out}    </edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}
