/**
 * A sheet's rows through a mapping, a chunk at a time: each row's own problems, the ends named by an id column that
 * are not in the graph, and the relationships an earlier row (of any chunk) already made.
 */
import type { SheetMapping } from '../../../../shared/contract/sheet-mapping.js';
import { AppError } from '../../../errors.js';
import type { DatasetImport } from '../ftm/map-entity.js';
import { datasetImport } from '../ftm/parse-ftm.js';
import type { GraphReader } from '../stored-graph.js';
import { markRepeatedEdges } from './combine-rows.js';
import { columnsRead, mapRow, type MappedRow } from './map-rows.js';
import type { SheetHead, SheetRow } from './read-sheet.js';
import { missingEnds } from './stored-ends.js';

export interface SheetOptions {
  sheet?: string;
  filename?: string;
  dataset?: string;
  by?: string;
}

/** The dataset a sheet's records belong to: named in the options, else after the file. */
const sheetDataset = (options: SheetOptions): DatasetImport =>
  datasetImport({ ...options, dataset: options.dataset ?? options.filename?.replace(/\.(csv|tsv|txt|xlsx|xlsm|xls)$/i, '') });

/** A mapping that names a column the sheet lacks fails whole, saying where in the mapping. */
function checkColumns(sheet: SheetHead, mapping: SheetMapping): void {
  const missing = columnsRead(mapping).filter((c) => !sheet.columns.includes(c));
  if (missing.length === 0) return;
  const has = `the sheet's columns are ${sheet.columns.map((c) => `"${c}"`).join(', ')}`;
  throw new AppError('bad_request', `The mapping names column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}, which the sheet does not have; ${has}.`, missing.map((c) => ({ where: `mapping (column "${c}")`, message: `no such column; ${has}` })));
}

export class SheetMapper {
  private readonly columns: Map<string, number>;
  private readonly dataset: DatasetImport;
  private readonly firstRowOf = new Map<string, number>();

  constructor(
    sheet: SheetHead,
    private readonly mapping: SheetMapping,
    options: SheetOptions,
  ) {
    checkColumns(sheet, mapping);
    this.columns = new Map(sheet.columns.map((name, i) => [name, i]));
    this.dataset = sheetDataset(options);
  }

  /** `graph`: where the ends named by id are looked up (inside a streamed import's transaction, its own). */
  async map(graph: GraphReader, rows: SheetRow[]): Promise<MappedRow[]> {
    const mapped = rows.map((row) => mapRow(row, this.mapping, this.columns, this.dataset));
    const missing = await missingEnds(graph, mapped.flatMap((r) => r.existingEnds));
    for (const row of mapped) {
      for (const id of row.existingEnds.filter((end) => missing.has(end))) row.problems.push({ row: row.row, column: null, message: `${id} is not in the graph` });
    }
    markRepeatedEdges(mapped, this.firstRowOf);
    return mapped;
  }
}
