/**
 * A CSV or XLSX file as a header and rows of text cells, each row numbered as the spreadsheet shows it (the header
 * is row 1 of a CSV; an XLSX counts from its own first row). A CSV is read as it comes, so a file of any size holds
 * only a chunk in memory; an XLSX workbook can only be read whole (SheetJS), so it has a size limit. Files that are
 * no spreadsheet fail here, once.
 */
import * as XLSX from '@e965/xlsx';
import { AppError } from '../../../errors.js';
import { CsvParser, CsvSyntaxError } from '../csv-parse.js';
import { unreadable } from '../import-document.js';
import { cellText } from './cell-text.js';

export const SHEET = 'Spreadsheet';
const MAX_COLUMNS = 200;
/** Workbooks are read whole, and SheetJS holds many times the file's size: bigger sheets come as CSV, which streams. */
const XLSX_LIMIT = 10 * 2 ** 20;

export interface SheetRow { number: number; cells: string[] }
export interface SheetHead {
  sheets: string[];
  sheet: string | null;
  delimiter: string | null;
  columns: string[];
}
/** The rows after the header, each with one cell per column; they can be read once. */
export interface Sheet extends SheetHead { rows: AsyncIterable<SheetRow> }

export interface OpenSheet {
  /** XLSX: the sheet to read (the first when absent). */
  sheet?: string;
  /** The chunks are the file's first bytes only: a row cut at their end is left out. */
  cut?: boolean;
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;
const isOle = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

export async function openSheet(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: OpenSheet = {}): Promise<Sheet> {
  const source = toAsync(chunks)[Symbol.asyncIterator]();
  const first = await source.next();
  if (first.done || first.value.length === 0) throw unreadable(SHEET, 'file', 'is empty');
  const file = prepend(first.value, source);
  const raw = isZip(first.value) || isOle(first.value) ? readWorkbook(await wholeWorkbook(file), options.sheet) : await openCsv(file, options.cut ?? false);
  return withHeader(raw);
}

async function* toAsync<T>(items: AsyncIterable<T> | Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

async function* prepend<T>(first: T, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

type RawSheet = Omit<Sheet, 'columns'>;

/** The most frequent of `,` `;` and tab on the first line (outside quotes); a comma when none is there. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const [best] = counts.sort((a, b) => b[1] - a[1]);
  return best![1] > 0 ? best![0] : ',';
}

const TEXT_PIECE = 64 * 1024;

/** UTF-8 text, chunk by chunk (a character split between chunks waits for its end). */
async function* utf8(chunks: AsyncIterable<Uint8Array>, cut: boolean): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw unreadable(SHEET, 'file', 'is neither an XLSX workbook nor UTF-8 text (save the CSV as UTF-8)');
    }
  };
  for await (const chunk of chunks) {
    // A body held whole is parsed a piece at a time too: a preview stops after its rows, having parsed little more.
    for (let at = 0; at < chunk.length; at += TEXT_PIECE) {
      const text = decode(chunk.subarray(at, at + TEXT_PIECE));
      if (text.includes('\0')) throw unreadable(SHEET, 'file', 'is binary, not a CSV or XLSX spreadsheet');
      yield text;
    }
  }
  if (!cut) yield decode();
}

/** Reads until the first line is whole, to find the delimiter, then parses the rest as it comes. */
async function openCsv(chunks: AsyncIterable<Uint8Array>, cut: boolean): Promise<RawSheet> {
  const texts = utf8(chunks, cut);
  let head = '';
  for (let next = await texts.next(); !next.done; next = await texts.next()) {
    head += next.value;
    if (head.includes('\n')) break;
  }
  const delimiter = detectDelimiter(head.replace(/^\uFEFF/, ''));
  return { sheets: [], sheet: null, delimiter, rows: csvRows(head, texts, delimiter, cut) };
}

async function* csvRows(head: string, rest: AsyncIterable<string>, delimiter: string, cut: boolean): AsyncGenerator<SheetRow> {
  const parser = new CsvParser(delimiter);
  const asRows = (records: ReturnType<CsvParser['push']>) => records.map(({ line, cells }) => ({ number: line, cells: cells.map((c) => c.value.trim()) }));
  try {
    yield* asRows(parser.push(head));
    for await (const text of rest) yield* asRows(parser.push(text));
    if (!cut) yield* asRows(parser.end());
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw unreadable(SHEET, `row ${err.line}`, err.message);
    throw err;
  }
}

async function wholeWorkbook(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > XLSX_LIMIT) {
      const message = `An XLSX workbook is read whole, up to ${XLSX_LIMIT / 2 ** 20} MB; save the sheet as CSV (UTF-8) to import a bigger one: a CSV streams, at any size.`;
      throw new AppError('payload_too_large', message, [{ where: 'file', message: 'is a workbook larger than the limit' }]);
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
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
  return { sheets: book.SheetNames, sheet, delimiter: null, rows: toAsync(rows) };
}

const tooManyColumns = (n: number) => unreadable(SHEET, 'row 1', `has ${n} columns; at most ${MAX_COLUMNS} are read`);

/** The first row names the columns: every name given once; empty columns at the end are dropped. */
async function withHeader({ rows, ...sheet }: RawSheet): Promise<Sheet> {
  const body = rows[Symbol.asyncIterator]();
  const { value: head } = await body.next();
  if (!head) throw unreadable(SHEET, 'file', 'has no rows');
  const columns = [...head.cells];
  while (columns.length && columns[columns.length - 1] === '') columns.pop();
  const where = `row ${head.number}`;
  if (columns.length === 0) throw unreadable(SHEET, where, 'has no header: the first row must name the columns');
  if (columns.length > MAX_COLUMNS) throw tooManyColumns(columns.length);
  const unnamed = columns.indexOf('');
  if (unnamed >= 0) throw unreadable(SHEET, where, `column ${unnamed + 1} has no name (every column needs a header)`);
  const seen = new Set<string>();
  const twice = columns.find((name) => seen.size === seen.add(name).size);
  if (twice !== undefined) throw unreadable(SHEET, where, `the column name "${twice}" appears twice`);
  const first = await body.next();
  if (first.done) throw unreadable(SHEET, 'file', 'has a header but no rows');
  return { ...sheet, columns, rows: fitted(prepend(first.value, body), columns.length) };
}

async function* fitted(rows: AsyncIterable<SheetRow>, width: number): AsyncGenerator<SheetRow> {
  for await (const { number, cells } of rows) yield { number, cells: Array.from({ length: width }, (_, i) => cells[i] ?? '') };
}
