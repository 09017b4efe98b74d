/**
 * GraphML for Gephi, yEd and NetworkX: every property as a typed attribute (`<key attr.type>`), the kind labels,
 * a readable `label`, and each element's evidence as JSON in `quotes`. Lists and mixed values are JSON strings
 * whose key says so in its `<desc>` (the GraphML schema allows no attribute of our own on `<key>`), so the importer
 * reads them back as they were. Valid against the GraphML 1.0 schema (tests/fixtures/xsd/graphml.xsd).
 */
import type { ExportData } from './collect-subgraph.js';
import { evidenceLookup, graphNodes } from './element-evidence.js';
import { columnName, propertyColumns, RESERVED_EDGE_NAMES, RESERVED_NODE_NAMES, type Column } from './property-types.js';
import { escapeXml, xmlAttributes } from './xml-escape.js';
import { edgeLabel } from '../../../shared/model/graph-model.js';

/** The `<desc>` of a key whose values are JSON; files from before it was used say `threadline:encoding="json"`. */
export const JSON_KEY_DESC = 'threadline:json (each value is JSON: a list, or values of mixed types)';

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
    return { id: `${prefix}${i}`, name: columnName(c.name, reserved), type: scalar ?? 'string', json: !scalar };
  });
}

function keyElement(key: Key, target: 'graph' | 'node' | 'edge'): string {
  const attributes = xmlAttributes({ id: key.id, for: target, 'attr.name': key.name, 'attr.type': key.type });
  return key.json ? `  <key${attributes}><desc>${escapeXml(JSON_KEY_DESC)}</desc></key>\n` : `  <key${attributes}/>\n`;
}

function dataElement(key: Key, value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = key.json ? JSON.stringify(value) : String(value);
  return `      <data key="${key.id}">${escapeXml(text)}</data>\n`;
}

export async function* writeGraphml(data: ExportData): AsyncGenerator<string> {
  const nodes = graphNodes(data);
  const evidenceOf = evidenceLookup(data);
  const nodeColumns = propertyColumns(nodes, data.kinds.node);
  const edgeColumns = propertyColumns(data.edges, data.kinds.edge);
  const nodeKeys = keysFor('np', nodeColumns, RESERVED_NODE_NAMES);
  const edgeKeys = keysFor('ep', edgeColumns, RESERVED_EDGE_NAMES);
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
  yield `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n`;
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
