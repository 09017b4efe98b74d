/**
 * A CSV or XLSX file as a header and rows of text cells, each row numbered as the spreadsheet shows it (the header
 * is row 1 of a CSV; an XLSX counts from its own first row). Files that are no spreadsheet fail here, once.
 */
import * as XLSX from '@e965/xlsx';
import { CsvSyntaxError, parseCsv } from '../csv-parse.js';
import { unreadable } from '../import-document.js';
import { cellText } from './cell-text.js';

export const SHEET = 'Spreadsheet';
const MAX_COLUMNS = 200;
const MAX_ROWS = 50_000;

export interface SheetRow { number: number; cells: string[] }
export interface Sheet {
  sheets: string[];
  sheet: string | null;
  delimiter: string | null;
  columns: string[];
  rows: SheetRow[];
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;
const isOle = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

export function readSheet(bytes: Uint8Array, sheetName?: string): Sheet {
  if (bytes.length === 0) throw unreadable(SHEET, 'file', 'is empty');
  const raw = isZip(bytes) || isOle(bytes) ? readWorkbook(bytes, sheetName) : readCsv(bytes);
  return withHeader(raw);
}

type RawSheet = Omit<Sheet, 'columns' | 'rows'> & { rows: SheetRow[] };

/** The most frequent of `,` `;` and tab on the first line (outside quotes); a comma when none is there. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const [best] = counts.sort((a, b) => b[1] - a[1]);
  return best![1] > 0 ? best![0] : ',';
}

function readCsv(bytes: Uint8Array): RawSheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw unreadable(SHEET, 'file', 'is neither an XLSX workbook nor UTF-8 text (save the CSV as UTF-8)');
  }
  if (text.includes('\0')) throw unreadable(SHEET, 'file', 'is binary, not a CSV or XLSX spreadsheet');
  const delimiter = detectDelimiter(text);
  try {
    const rows = parseCsv(text, delimiter).map(({ line, cells }) => ({ number: line, cells: cells.map((c) => c.value.trim()) }));
    return { sheets: [], sheet: null, delimiter, rows };
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw unreadable(SHEET, `row ${err.line}`, err.message);
    throw err;
  }
}

function readWorkbook(bytes: Uint8Array, sheetName?: string): RawSheet {
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'array', cellNF: true, cellDates: false, dense: false });
  } catch (err) {
    throw unreadable(SHEET, 'file', `is not a readable XLSX workbook: ${(err as Error).message}`);
  }
  const sheet = sheetName ?? book.SheetNames[0];
  const ws = sheet === undefined ? undefined : book.Sheets[sheet];
  if (!ws || sheet === undefined) throw unreadable(SHEET, 'sheet', `no sheet "${sheetName}" in the workbook (it has ${book.SheetNames.map((n) => `"${n}"`).join(', ')})`);
  const range = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']) : null;
  const rows: SheetRow[] = [];
  if (range) {
    if (range.e.c - range.s.c + 1 > MAX_COLUMNS) throw tooManyColumns(range.e.c - range.s.c + 1);
    for (let r = range.s.r; r <= range.e.r; r++) {
      const cells: string[] = [];
      for (let c = range.s.c; c <= range.e.c; c++) cells.push(cellText(ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined));
      if (cells.some((c) => c !== '')) rows.push({ number: r + 1, cells });
    }
  }
  return { sheets: book.SheetNames, sheet, delimiter: null, rows };
}

const tooManyColumns = (n: number) => unreadable(SHEET, 'row 1', `has ${n} columns; at most ${MAX_COLUMNS} are read`);

/** The first row names the columns: every name given once; empty columns at the end are dropped. */
function withHeader({ rows: [head, ...body], ...sheet }: RawSheet): Sheet {
  if (!head) throw unreadable(SHEET, 'file', 'has no rows');
  const columns = [...head.cells];
  while (columns.length && columns[columns.length - 1] === '') columns.pop();
  const where = `row ${head.number}`;
  if (columns.length === 0) throw unreadable(SHEET, where, 'has no header: the first row must name the columns');
  if (columns.length > MAX_COLUMNS) throw tooManyColumns(columns.length);
  const unnamed = columns.indexOf('');
  if (unnamed >= 0) throw unreadable(SHEET, where, `column ${unnamed + 1} has no name (every column needs a header)`);
  const twice = columns.find((name, i) => columns.indexOf(name) !== i);
  if (twice !== undefined) throw unreadable(SHEET, where, `the column name "${twice}" appears twice`);
  if (body.length === 0) throw unreadable(SHEET, 'file', 'has a header but no rows');
  if (body.length > MAX_ROWS) throw unreadable(SHEET, 'file', `has ${body.length} rows; at most ${MAX_ROWS.toLocaleString('en')} are imported at once (split the file)`);
  const rows = body.map(({ number, cells }) => ({ number, cells: columns.map((_, i) => cells[i] ?? '') }));
  return { ...sheet, columns, rows };
}
