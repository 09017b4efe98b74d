/** Reads the CSV zip Threadline writes: nodes.csv (required), edges.csv, evidence.csv, sources.csv. */
import { strFromU8, unzipSync } from 'fflate';
import type { EdgeRow, EvidenceRow, NodeRow } from '../../db/graph-writer.js';
import { unneutralise } from '../export/csv-cell.js';
import type { ValueKind } from '../export/property-types.js';
import { CsvSyntaxError, parseCsv, type CsvCell } from './csv-parse.js';
import { Problems, unreadable, type ImportDocument, type Located } from './import-document.js';
import { stringList } from '../../db/to-graph.js';

const WHAT = 'CSV zip';
const KINDS: ValueKind[] = ['string', 'integer', 'float', 'boolean', 'string[]', 'integer[]', 'float[]', 'json'];

const REQUIRED: Record<string, string[]> = {
  'nodes.csv': ['id', 'labels'],
  'edges.csv': ['id', 'type', 'source', 'target'],
  'evidence.csv': ['id', 'quote', 'start', 'end', 'attribution', 'confidence', 'sourceId'],
  'sources.csv': ['id', 'labels'],
};

interface Column { name: string; kind: ValueKind }
type Row = { where: string; values: Record<string, unknown> };

function readHeader(cells: CsvCell[], file: string, problems: Problems): Column[] {
  return cells.map(({ value }) => {
    const at = value.lastIndexOf(':');
    const kind = at > 0 ? (value.slice(at + 1) as ValueKind) : 'string';
    if (!KINDS.includes(kind)) problems.add(`${file} line 1`, `column "${value}": unknown type ${kind} (one of ${KINDS.join(', ')})`);
    return { name: at > 0 ? value.slice(0, at) : value, kind };
  });
}

function cellValue(cell: CsvCell, kind: ValueKind): unknown {
  if (cell.value === '' && !cell.quoted) return null;
  if (kind === 'string') return unneutralise(cell.value);
  if (kind === 'boolean') {
    if (!/^(true|false)$/i.test(cell.value)) throw new Error(`"${cell.value}" is not true or false`);
    return cell.value.toLowerCase() === 'true';
  }
  if (kind === 'integer' || kind === 'float') {
    const value = Number(cell.value);
    if (cell.value.trim() === '' || !Number.isFinite(value)) throw new Error(`"${cell.value}" is not a number`);
    if (kind === 'integer' && !Number.isInteger(value)) throw new Error(`"${cell.value}" is not an integer`);
    return value;
  }
  const value: unknown = JSON.parse(unneutralise(cell.value));
  if (kind !== 'json' && !Array.isArray(value)) throw new Error(`is not a JSON list`);
  return value;
}

function readTable(file: string, text: string, problems: Problems): Row[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw unreadable(WHAT, `${file} line ${err.line}`, err.message);
    throw err;
  }
  const [head, ...body] = records;
  if (!head) return [];
  const columns = readHeader(head.cells, file, problems);
  const missing = REQUIRED[file]!.filter((name) => !columns.some((c) => c.name === name));
  if (missing.length) throw unreadable(WHAT, `${file} line 1`, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return body.map(({ line, cells }) => {
    const where = `${file} line ${line}`;
    if (cells.length !== columns.length) problems.add(where, `${cells.length} cells, but the header has ${columns.length} columns`);
    const values: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      try {
        const value = cellValue(cells[i] ?? { value: '', quoted: false }, column.kind);
        if (value !== null) values[column.name] = value;
      } catch (err) {
        problems.add(`${where} column ${column.name}`, (err as Error).message);
      }
    });
    const id = typeof values.id === 'string' ? values.id : '';
    return { where: id ? `${where} (${id})` : where, values };
  });
}

/** What is left once the fixed columns are taken: the properties (`property.type` is the property `type`). */
function propertiesOf(values: Record<string, unknown>, fixed: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (fixed.includes(name)) continue;
    out[name.startsWith('property.') ? name.slice('property.'.length) : name] = value;
  }
  return out;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const labels = (value: unknown) => text(value).split(';').map((l) => l.trim()).filter(Boolean);

function nodeRows(rows: Row[]): Located<NodeRow>[] {
  return rows.map(({ where, values }) => ({ where, row: { id: text(values.id), labels: labels(values.labels), properties: propertiesOf(values, ['id', 'labels']) } }));
}

export function parseCsvZip(bytes: Uint8Array): ImportDocument {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (err) {
    throw unreadable(WHAT, '(file)', `not a readable zip: ${(err as Error).message}`);
  }
  const files = new Map(Object.entries(entries).map(([name, data]) => [name.split('/').pop()!, data]));
  if (!files.has('nodes.csv')) throw unreadable(WHAT, '(zip)', `no nodes.csv in the zip (found: ${[...files.keys()].join(', ') || 'nothing'})`);
  const problems = new Problems();
  const table = (file: string) => (files.has(file) ? readTable(file, strFromU8(files.get(file)!), problems) : []);
  const nodes = nodeRows(table('nodes.csv'));
  const sources = nodeRows(table('sources.csv'));
  const edges: Located<EdgeRow>[] = table('edges.csv').map(({ where, values }) => ({
    where,
    row: { id: text(values.id), type: text(values.type), source: text(values.source), target: text(values.target), properties: propertiesOf(values, ['id', 'type', 'source', 'target']) },
  }));
  const evidence: Located<EvidenceRow>[] = table('evidence.csv').map(({ where, values }) => ({
    where,
    row: {
      id: text(values.id),
      quote: text(values.quote),
      start: Number(values.start),
      end: Number(values.end),
      attribution: text(values.attribution),
      confidence: text(values.confidence),
      sourceId: text(values.sourceId),
      claims: stringList(values.claims),
    },
  }));
  problems.throwIfAny(WHAT);
  return { format: 'csv', nodes, sources, edges, evidence };
}
