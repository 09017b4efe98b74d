/**
 * A zip of nodes.csv, edges.csv, evidence.csv and sources.csv: UTF-8 with a BOM (Excel then reads accents
 * right), CRLF line ends, typed headers (`count:integer`, `aliases:string[]`) and formula-safe text cells.
 * Rows are deflated into the zip as they are written; nothing holds the whole file.
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { BOM, csvLine } from '../../../shared/text/csv.js';
import type { ExportData } from './collect-subgraph.js';
import { csvCell, header } from './csv-cell.js';
import { columnName, propertyColumns, type Column, type ValueKind } from './property-types.js';

interface Table {
  file: string;
  columns: Column[];
  rows: Record<string, unknown>[];
}

const FLUSH_AT = 64 * 1024;

/** Fixed columns first, then one per property; a property named like a fixed column is `property.<name>`. */
function table<R extends { properties: Record<string, unknown> }>(
  file: string,
  fixed: Column[],
  rows: R[],
  kinds: ReadonlyMap<string, ValueKind>,
  pick: (row: R) => Record<string, unknown>,
): Table {
  const taken = new Set(fixed.map((c) => c.name));
  const properties = propertyColumns(rows, kinds).map((c) => ({ ...c, name: columnName(c.name, taken), key: c.name }));
  const flat = rows.map((row) => {
    const out = pick(row);
    for (const p of properties) out[p.name] = row.properties[p.key];
    return out;
  });
  return { file, columns: [...fixed, ...properties.map(({ name, kind }) => ({ name, kind }))], rows: flat };
}

export function csvTables(data: ExportData): Table[] {
  const text = (name: string): Column => ({ name, kind: 'string' });
  const labels = (l: string[]) => l.join(';');
  return [
    table('nodes.csv', [text('id'), text('labels')], data.nodes, data.kinds.node, (n) => ({ id: n.id, labels: labels(n.labels) })),
    table('edges.csv', [text('id'), text('type'), text('source'), text('target')], data.edges, data.kinds.edge, (e) => ({ id: e.id, type: e.type, source: e.source, target: e.target })),
    {
      file: 'evidence.csv',
      columns: [text('id'), text('quote'), { name: 'start', kind: 'integer' }, { name: 'end', kind: 'integer' }, text('attribution'), text('confidence'), text('sourceId'), { name: 'claims', kind: 'string[]' }],
      rows: data.evidence as unknown as Record<string, unknown>[],
    },
    table('sources.csv', [text('id'), text('labels')], data.sources, data.kinds.node, (s) => ({ id: s.id, labels: labels(s.labels) })),
  ];
}

export async function* writeCsvZip(data: ExportData): AsyncGenerator<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  const drain = function* () {
    if (failure) throw failure;
    yield* chunks.splice(0);
  };
  for (const { file, columns, rows } of csvTables(data)) {
    const entry = new ZipDeflate(file, { level: 6 });
    zip.add(entry);
    let buffer = BOM + csvLine(columns.map(header));
    for (const row of rows) {
      buffer += csvLine(columns.map((c) => csvCell(row[c.name], c.kind)));
      if (buffer.length >= FLUSH_AT) {
        entry.push(strToU8(buffer));
        buffer = '';
        yield* drain();
      }
    }
    entry.push(strToU8(buffer), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}
