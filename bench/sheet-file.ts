/**
 * A synthetic donations sheet (CSV, `;`) for the spreadsheet import's bench and streaming tests: row i is a
 * donation of donor i mod 3,000 to one of eight parties, lent rather than given every tenth row. Donors repeat
 * every 3,000 rows, so one donor's rows fall in several chunks of the import. Deterministic.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SheetMappingInput } from '../shared/contract/sheet-mapping.js';

export const SHEET_DONORS = 3000;
const PARTIES = ['CDU', 'SPD', 'FDP', 'Grüne', 'Linke', 'CSU', 'AfD', 'MLPD'];
const CITIES = ['Köln', 'Berlin', 'München', 'Hamburg', 'Leipzig'];

/** Row i's line in the file (the header is line 1). */
export const lineOfRow = (i: number) => i + 2;

export function sheetRow(i: number): string[] {
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  return [`d${i}`, `Donor ${i % SHEET_DONORS}`, CITIES[i % CITIES.length]!, PARTIES[i % PARTIES.length]!, i % 10 === 9 ? 'lent to' : 'donated to', String(100 + (i % 997)), `${day}.${month}.${2000 + (i % 20)}`];
}

export function* sheetLines(rows: number, row = sheetRow): Generator<string> {
  yield 'Ref;Donor;City;Party;Link;Amount;Date\n';
  for (let i = 0; i < rows; i++) yield `${row(i).join(';')}\n`;
}

export async function writeSheetFile(file: string, rows: number, row = sheetRow): Promise<void> {
  await pipeline(Readable.from(sheetLines(rows, row)), createWriteStream(file));
}

/** Donors and parties as nodes, each row a relationship whose type is read from its Link column. */
export const SHEET_MAPPING: SheetMappingInput = {
  nodes: [
    { handle: 'donor', kind: { fixed: 'Person' }, keyColumns: ['Donor'], nameColumn: 'Donor', properties: [{ column: 'City', property: 'city' }] },
    { handle: 'party', kind: { fixed: 'Organization' }, keyColumns: ['Party'], nameColumn: 'Party' },
  ],
  edges: [
    {
      source: { node: 'donor' },
      target: { node: 'party' },
      type: { column: 'Link' },
      keyColumns: ['Ref'],
      properties: [
        { column: 'Amount', property: 'amountEur', type: 'number' },
        { column: 'Date', property: 'date', type: 'date' },
      ],
    },
  ],
};
