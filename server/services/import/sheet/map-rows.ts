/**
 * Each row of a sheet through a mapping: the nodes and relationships it makes, the dataset record they cite, or
 * its problems, each naming the column to blame. A row with any problem makes nothing.
 */
import type { EdgeRow, NodeRow, RecordRow } from '../../../db/graph-writer.js';
import type { RowProblem } from '../../../../shared/contract/sheet-import.js';
import type { EdgeEnd, EdgeMapping, NodeMapping, PropertyColumn, SheetMapping } from '../../../../shared/contract/sheet-mapping.js';
import { EntityId } from '../../../../shared/contract/graph.js';
import { ID_RULES, RECORD_CONFIDENCE } from '../../../../shared/model/graph-model.js';
import type { DatasetImport } from '../ftm/map-entity.js';
import { CellError, columnProperties } from './cell-values.js';
import type { SheetRow } from './read-sheet.js';
import { asKind, asType, edgeId, nodeId, recordId } from './sheet-ids.js';

export interface MappedRow {
  row: number;
  nodes: NodeRow[];
  edges: EdgeRow[];
  record: RecordRow;
  problems: RowProblem[];
  /** Ends given by an id column: they must already be in the graph. */
  existingEnds: string[];
}

const KIND = ID_RULES.label.pattern;
type Props = Record<string, unknown>;

/** Reads one row's cells by column name, collecting what is wrong with them. */
class RowReader {
  readonly problems: RowProblem[] = [];
  constructor(
    private readonly row: SheetRow,
    private readonly columns: Map<string, number>,
  ) {}

  cell(column: string): string {
    return this.row.cells[this.columns.get(column)!] ?? '';
  }

  problem(column: string | null, message: string): void {
    this.problems.push({ row: this.row.number, column, message });
  }

  /** The cell, or a problem when it is empty. */
  required(column: string, what: string): string {
    const text = this.cell(column);
    if (!text) this.problem(column, `is empty, but it is ${what}`);
    return text;
  }

  properties(columns: PropertyColumn[]): Props {
    const out: Props = {};
    for (const column of columns) {
      try {
        Object.assign(out, columnProperties(column, this.cell(column.column)));
      } catch (err) {
        if (!(err instanceof CellError)) throw err;
        this.problem(column.column, err.message);
      }
    }
    return out;
  }

  fixedOrColumn(value: { fixed: string } | { column: string }, normalise: (text: string) => string, valid: RegExp, what: string): string {
    if ('fixed' in value) return value.fixed;
    const text = this.required(value.column, what);
    const normalised = normalise(text);
    if (text && (!valid.test(normalised) || normalised === 'Entity' || normalised === 'Evidence')) this.problem(value.column, `"${text}" cannot be ${what}`);
    return normalised;
  }
}

const listNames = (props: Props) => Object.keys(props).filter((k) => Array.isArray(props[k]));

function mapNode(reader: RowReader, mapping: NodeMapping, cited: string): NodeRow {
  const kind = reader.fixedOrColumn(mapping.kind, asKind, KIND, 'a kind (Person, Organization…)');
  const keys = mapping.keyColumns.map((column) => reader.required(column, `a key of the ${mapping.handle}`));
  const name = reader.required(mapping.nameColumn, `the name of the ${mapping.handle}`);
  const values = reader.properties(mapping.properties);
  return { id: nodeId(kind, keys), labels: [kind], properties: { ...values, name, evidence: [cited] }, replace: listNames(values) };
}

function endId(reader: RowReader, end: EdgeEnd, nodes: Map<string, NodeRow>): string {
  if ('node' in end) return nodes.get(end.node)!.id;
  const id = reader.required(end.idColumn, 'the id of an entity in the graph');
  if (id && !EntityId.safeParse(id).success) reader.problem(end.idColumn, `"${id}" is not an entity id (${ID_RULES.entity.message})`);
  return id;
}

function mapEdge(reader: RowReader, mapping: EdgeMapping, nodes: Map<string, NodeRow>, cited: string): EdgeRow {
  const type = reader.fixedOrColumn(mapping.type, asType, ID_RULES.relationshipType.pattern, 'a relationship type (UPPER_SNAKE_CASE)');
  const source = endId(reader, mapping.source, nodes);
  const target = endId(reader, mapping.target, nodes);
  const keys = mapping.keyColumns.map((column) => reader.cell(column));
  const values = reader.properties(mapping.properties);
  const properties = { ...values, evidence: [cited], confidence: RECORD_CONFIDENCE };
  return { id: edgeId(type, source, target, keys), type, source, target, properties, replace: listNames(values) };
}

/** Every column a mapping reads, in a fixed order: what a row's record is made from. */
export function columnsRead(mapping: SheetMapping): string[] {
  const fromValue = (v: { fixed: string } | { column: string }) => ('column' in v ? [v.column] : []);
  const fromEnd = (end: EdgeEnd) => ('idColumn' in end ? [end.idColumn] : []);
  const names = [
    ...mapping.nodes.flatMap((n) => [...fromValue(n.kind), ...n.keyColumns, n.nameColumn, ...n.properties.map((p) => p.column)]),
    ...mapping.edges.flatMap((e) => [...fromEnd(e.source), ...fromEnd(e.target), ...fromValue(e.type), ...e.keyColumns, ...e.properties.map((p) => p.column)]),
  ];
  return [...new Set(names)];
}

export function mapRow(row: SheetRow, mapping: SheetMapping, columns: Map<string, number>, dataset: DatasetImport): MappedRow {
  const reader = new RowReader(row, columns);
  const cited = recordId(dataset.dataset, columnsRead(mapping).map((c) => `${c}=${reader.cell(c)}`));
  const nodes = new Map(mapping.nodes.map((n) => [n.handle, mapNode(reader, n, cited)]));
  const edges = mapping.edges.map((e) => mapEdge(reader, e, nodes, cited));
  const existingEnds = mapping.edges.flatMap((e, i) => (['source', 'target'] as const).filter((end) => 'idColumn' in e[end]).map((end) => (end === 'source' ? edges[i]!.source : edges[i]!.target)));
  const record: RecordRow = {
    id: cited,
    ...dataset,
    recordId: String(row.number),
    schema: 'row',
    sourceUrl: [],
    publisher: [],
    proof: [],
    claims: [...[...nodes.values()].map((n) => n.id), ...edges.map((e) => e.id)],
  };
  return { row: row.number, nodes: [...nodes.values()], edges, record, problems: reader.problems, existingEnds };
}
