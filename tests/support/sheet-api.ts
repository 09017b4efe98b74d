/** Helpers for the spreadsheet import tests: the fixtures, an XLSX made of rows, and calls with the file as the body. */
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import type { SheetMappingInput } from '../../shared/contract/index.js';

export const DONATIONS_CSV = readFileSync('tests/fixtures/sheets/donations.csv');
export const DONATIONS_BAD_CSV = readFileSync('tests/fixtures/sheets/donations-bad.csv');
export const DONATIONS_MAPPING = JSON.parse(readFileSync('tests/fixtures/sheets/donations.mapping.json', 'utf8')) as SheetMappingInput;

/** A workbook whose sheets hold these rows; a Date becomes a real date cell (a serial number with a date format). */
export function workbook(sheets: Record<string, (string | number | Date)[][]>): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = XLSX.utils.aoa_to_sheet(rows.map((row) => row.map((cell) => (cell instanceof Date ? null : cell))));
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell instanceof Date) ws[XLSX.utils.encode_cell({ r, c })] = { t: 'n', v: (cell.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000, z: 'yyyy-mm-dd' };
      }),
    );
    XLSX.utils.book_append_sheet(book, ws, name);
  }
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

export interface SheetCall { mapping?: SheetMappingInput; sheet?: string; filename?: string; skipBadRows?: boolean; limit?: number; cut?: boolean; token?: string }

export async function postSheet<T>(url: string, kind: 'preview' | 'import', file: Uint8Array | string, call: SheetCall = {}): Promise<{ status: number; body: T }> {
  const query = new URLSearchParams();
  if (call.mapping) query.set('mapping', JSON.stringify(call.mapping));
  for (const key of ['sheet', 'filename', 'skipBadRows', 'limit', 'cut'] as const) if (call[key] !== undefined) query.set(key, String(call[key]));
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream', ...(call.token && { authorization: `Bearer ${call.token}` }) };
  const response = await fetch(`${url}/import/sheet${kind === 'preview' ? '/preview' : ''}?${query}`, { method: 'POST', headers, body: typeof file === 'string' ? file : new Uint8Array(file) });
  return { status: response.status, body: (await response.json()) as T };
}
