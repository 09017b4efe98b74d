/**
 * Reads GraphML as Threadline writes it (docs/export-format.md): `labels`, `type` and `quotes` keys, properties as
 * typed keys, JSON-encoded keys marked by their `<desc>` (or, in older files, `threadline:encoding="json"`). Errors name the XML line or the element.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { EdgeRow, EvidenceRow, NodeRow } from '../../db/graph-writer.js';
import { Problems, unreadable, type ImportDocument, type Located } from './import-document.js';
import { EvidenceRowSchema } from './rows.js';
import { JSON_KEY_DESC } from '../export/graphml.js';

const WHAT = 'GraphML';
const LISTS = new Set(['key', 'graph', 'node', 'edge', 'data']);

interface XmlData { '#text'?: string; key?: string }
interface XmlElement { id?: string; source?: string; target?: string; data?: XmlData[] }
interface XmlKey { id?: string; for?: string; 'attr.name'?: string; 'attr.type'?: string; 'threadline:encoding'?: string; desc?: string }
interface XmlDocument { graphml?: { key?: XmlKey[]; graph?: { node?: XmlElement[]; edge?: XmlElement[] }[] } }

interface KeySpec { name: string; type: string; json: boolean }

function readXml(text: string): XmlDocument {
  if (/<!DOCTYPE/i.test(text)) throw unreadable(WHAT, '<!DOCTYPE>', 'document type declarations are not accepted');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw unreadable(WHAT, `line ${valid.err.line}, column ${valid.err.col}`, `not well-formed XML: ${valid.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    htmlEntities: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && LISTS.has(name),
  });
  return parser.parse(text) as XmlDocument;
}

function cast(spec: KeySpec, text: string): unknown {
  if (spec.json) return JSON.parse(text);
  switch (spec.type) {
    case 'boolean':
      if (!/^(true|false)$/i.test(text.trim())) throw new Error(`"${text}" is not true or false`);
      return text.trim().toLowerCase() === 'true';
    case 'int':
    case 'long':
    case 'float':
    case 'double': {
      const value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value)) throw new Error(`"${text}" is not a number`);
      if ((spec.type === 'int' || spec.type === 'long') && !Number.isInteger(value)) throw new Error(`"${text}" is not an integer`);
      return value;
    }
    default:
      return text;
  }
}

/** The element's data as `{attr.name: value}`, each cast by its key. */
function readData(element: XmlElement, keys: Map<string, KeySpec>, where: string, problems: Problems): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const data of element.data ?? []) {
    const spec = keys.get(data.key ?? '');
    if (!spec) {
      problems.add(where, `<data key="${data.key}"> names no <key>`);
      continue;
    }
    try {
      values[spec.name] = cast(spec, data['#text'] ?? '');
    } catch (err) {
      problems.add(`${where} <data key="${data.key}"> (${spec.name})`, (err as Error).message);
    }
  }
  return values;
}

/** Properties without the format's own attributes; `property.label` is the property `label`. */
function properties(values: Record<string, unknown>, reserved: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (reserved.includes(name)) continue;
    out[name.startsWith('property.') ? name.slice('property.'.length) : name] = value;
  }
  return out;
}

function labelsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/[;,]/).map((l) => l.trim()).filter(Boolean) : [];
}

function quotes(value: unknown, where: string, evidence: Located<EvidenceRow>[], problems: Problems): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return problems.add(`${where} quotes`, 'must be a JSON list of evidence');
  value.forEach((raw, i) => {
    const parsed = EvidenceRowSchema.safeParse(raw);
    if (parsed.success) evidence.push({ row: parsed.data, where: `${where} quotes[${i}]` });
    else problems.add(`${where} quotes[${i}]`, parsed.error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('; '));
  });
}

export function parseGraphml(text: string): ImportDocument {
  const root = readXml(text.replace(/^\uFEFF/, '')).graphml;
  const graph = root?.graph?.[0];
  if (!root || !graph) throw unreadable(WHAT, '<graphml>', 'no <graphml> root with a <graph> element');
  const problems = new Problems();
  const keys = new Map<string, KeySpec>();
  for (const key of root.key ?? []) {
    if (!key.id || !key['attr.name']) problems.add(`<key id="${key.id ?? ''}">`, 'needs an id and an attr.name');
    else keys.set(key.id, { name: key['attr.name'], type: key['attr.type'] ?? 'string', json: key.desc === JSON_KEY_DESC || key['threadline:encoding'] === 'json' });
  }

  const nodes: Located<NodeRow>[] = [];
  const edges: Located<EdgeRow>[] = [];
  const evidence: Located<EvidenceRow>[] = [];
  (graph.node ?? []).forEach((element, i) => {
    const where = `<node id="${element.id ?? ''}"> (node ${i + 1})`;
    if (!element.id) return problems.add(where, 'has no id');
    const values = readData(element, keys, where, problems);
    quotes(values.quotes, where, evidence, problems);
    nodes.push({ row: { id: element.id, labels: labelsOf(values.labels), properties: properties(values, ['label', 'labels', 'quotes', 'x', 'y']) }, where });
  });
  (graph.edge ?? []).forEach((element, i) => {
    const where = `<edge id="${element.id ?? ''}"> (edge ${i + 1})`;
    if (!element.id || !element.source || !element.target) return problems.add(where, 'needs id, source and target attributes');
    const values = readData(element, keys, where, problems);
    if (typeof values.type !== 'string') return problems.add(where, 'has no type (a <data> for the key named "type")');
    quotes(values.quotes, where, evidence, problems);
    edges.push({ row: { id: element.id, type: values.type, source: element.source, target: element.target, properties: properties(values, ['label', 'type', 'quotes']) }, where });
  });
  problems.throwIfAny(WHAT);
  return { format: 'graphml', nodes, sources: [], edges, evidence };
}
