import { beforeAll, describe, expect, it } from 'vitest';
import type { SheetImportSummary, SheetPreview } from '../../shared/contract/index.js';
import { graphPicture } from '../support/export-api.js';
import { rows, useSeededApi, type ErrorBody } from '../support/explore-api.js';
import { DONATIONS_BAD_CSV, DONATIONS_CSV, DONATIONS_MAPPING, postSheet, workbook, type SheetCall } from '../support/sheet-api.js';
import { counts, resetToSeed } from '../support/test-db.js';

const api = useSeededApi();
const withMapping: SheetCall = { mapping: DONATIONS_MAPPING, filename: 'donations.csv' };
const preview = (file: Uint8Array | string, call: SheetCall = withMapping) => postSheet<SheetPreview & ErrorBody>(api.url, 'preview', file, call);
const importSheet = (file: Uint8Array | string, call: SheetCall = withMapping) => postSheet<SheetImportSummary & ErrorBody>(api.url, 'import', file, call);

describe('POST /api/import/sheet/preview', () => {
  beforeAll(() => resetToSeed(api.db));

  it('describes a semicolon CSV with a BOM without a mapping: columns, sample values, row count', async () => {
    const reply = await preview(DONATIONS_CSV, {});
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.table).toMatchObject({ delimiter: ';', sheet: null, rowCount: 5 });
    expect(reply.body.table.columns.map((c) => c.name)).toEqual(['Donor', 'Donor type', 'City', 'Party', 'Amount (EUR)', 'Date', 'Sectors']);
    expect(reply.body.table.columns[0]!.samples).toEqual(['Frau Lina Dachner', 'Südzucker AG', 'Deutsche Vermögensberatung AG', 'Verband der Chemischen Industrie']);
    expect(reply.body.rows).toEqual([]);
  });

  it('shows the first rows as they will land: stable ids, typed values, the date with its precision, and writes nothing', async () => {
    const before = await counts(api.db);
    const reply = await preview(DONATIONS_CSV, { ...withMapping, limit: 3 });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    const [first, second] = reply.body.rows;
    expect(first!.nodes.map((n) => [n.id, n.labels])).toEqual([['person:frau-lina-dachner', ['Person']], ['organization:mlpd', ['Organization']]]);
    expect(first!.edges[0]).toMatchObject({ type: 'DONATED_TO', source: 'person:frau-lina-dachner', target: 'organization:mlpd', properties: { amountEur: 100000, date: '2011-12-29', datePrecision: 'day', confidence: 'dataset-record' } });
    expect(second!.nodes[0]).toMatchObject({ id: 'company:sudzucker-ag', properties: { name: 'Südzucker AG', city: 'Mannheim', sectors: ['food', 'agriculture'] } });
    expect(second!.edges[0]!.properties).toMatchObject({ amountEur: 55000.5, date: '2012-03', datePrecision: 'month' });
    expect(reply.body.problems).toEqual([]);
    expect(await counts(api.db)).toEqual(before);
  });

  it('lists every bad row by its number and column, with the reason', async () => {
    const reply = await preview(DONATIONS_BAD_CSV);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.badRows).toBe(4);
    expect(reply.body.problems).toEqual([
      { row: 3, column: 'Amount (EUR)', message: '"lots" is not a number' },
      { row: 4, column: 'Donor', message: 'is empty, but it is a key of the donor' },
      { row: 4, column: 'Donor', message: 'is empty, but it is the name of the donor' },
      { row: 5, column: 'Date', message: '"31.02.2012" is not a date in the calendar' },
      { row: 7, column: 'Donor type', message: '"not a kind!" cannot be a kind (Person, Organization…)' },
    ]);
  });

  it('reads the chosen sheet of an XLSX workbook, date cells included, as the same rows as the CSV', async () => {
    const csvRows = new TextDecoder().decode(DONATIONS_CSV).replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(';').map((cell) => cell.replace(/^"|"$/g, '')));
    const cells = csvRows.map((row, r) => row.map((cell, c) => (r === 5 && c === 5 ? new Date(Date.UTC(2012, 4, 14)) : r > 0 && c === 4 && /^\d+$/.test(cell) ? Number(cell) : cell)));
    const file = workbook({ Notes: [['not this one']], Spenden: cells });
    const [fromXlsx, fromCsv] = await Promise.all([preview(file, { ...withMapping, sheet: 'Spenden' }), preview(DONATIONS_CSV)]);
    expect(fromXlsx.status, JSON.stringify(fromXlsx.body)).toBe(200);
    expect(fromXlsx.body.table).toMatchObject({ sheets: ['Notes', 'Spenden'], sheet: 'Spenden', rowCount: 5 });
    expect(fromXlsx.body.rows).toEqual(fromCsv.body.rows);
  });

  it('refuses what is not a usable spreadsheet, saying why', async () => {
    const cases: [Uint8Array | string, SheetCall, string][] = [
      [new Uint8Array([0x00, 0x01, 0xff, 0xfe]), {}, 'neither an XLSX workbook nor UTF-8 text'],
      ['', {}, 'as the request body'],
      [',,\nx,y\n', {}, 'has no header'],
      ['a,a\n1,2\n', {}, 'the column name "a" appears twice'],
      ['a,b\n', {}, 'has a header but no rows'],
      [`${Array.from({ length: 201 }, (_, i) => `c${i}`).join(',')}\n1\n`, {}, 'at most 200'],
      [DONATIONS_CSV, { mapping: { ...DONATIONS_MAPPING, nodes: [{ handle: 'x', kind: { fixed: 'Person' }, keyColumns: ['Name'], nameColumn: 'Name' }], edges: [] } }, 'column "Name"'],
      [workbook({ Only: [['a'], ['1']] }), { sheet: 'Missing' }, 'no sheet "Missing"'],
    ];
    for (const [file, call, message] of cases) {
      const reply = await preview(file, call);
      expect(reply.status, message).toBe(400);
      expect(reply.body.error.message).toContain(message);
    }
  });

  it('reads the first 1,000 rows only, and of a cut CSV leaves out the row cut short', async () => {
    const big = `n\n${Array.from({ length: 1500 }, (_, i) => `v${i}`).join('\n')}\n`;
    const reply = await preview(big, {});
    expect(reply.body.table).toMatchObject({ rowCount: 1000, more: true });
    const cut = await preview('a;b\n1;2\n3;"unfinished', { cut: true });
    expect(cut.status, JSON.stringify(cut.body)).toBe(200);
    expect(cut.body.table).toMatchObject({ rowCount: 1, more: true });
    expect(cut.body.table.columns[1]!.samples).toEqual(['2']);
  });

  it('refuses a workbook above 10 MB with a 413 saying to save it as CSV, before reading it', async () => {
    const workbookSized = new Uint8Array(11 * 2 ** 20);
    workbookSized.set([0x50, 0x4b, 0x03, 0x04]);
    const reply = await preview(workbookSized, {});
    expect(reply.status).toBe(413);
    expect(reply.body.error.message).toContain('save the sheet as CSV');
  });

  it('refuses a mapping that does not parse, naming the field', async () => {
    const reply = await preview(DONATIONS_CSV, { mapping: { nodes: [{ handle: 'Donor', kind: { fixed: 'Person' }, keyColumns: [], nameColumn: 'Donor' }] } });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.map((d) => d.where)).toEqual(expect.arrayContaining([expect.stringContaining('handle'), expect.stringContaining('keyColumns')]));
  });
});

describe('POST /api/import/sheet', () => {
  beforeAll(() => resetToSeed(api.db));

  it('writes every row as nodes and relationships, each citing its row as a dataset record', async () => {
    const reply = await importSheet(DONATIONS_CSV);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ written: true, rows: 5, skipped: [] });
    expect(reply.body.changes).toEqual({ nodes: { added: 7, changed: 0, unchanged: 0 }, edges: { added: 5, changed: 0, unchanged: 0 }, evidence: { added: 5, changed: 0, unchanged: 0 } });
    const [lina] = await rows<{ evidence: string[]; records: { recordId: string; dataset: string; file: string; schema: string; importedBy: string }[] }>(
      api.db,
      `MATCH (n:Entity {id: 'person:frau-lina-dachner'}) MATCH (e:Evidence) WHERE e.id IN n.evidence
       RETURN n.evidence AS evidence, collect(e {.recordId, .dataset, .file, .schema, .importedBy}) AS records`,
    );
    expect(lina!.records.map((r) => r.recordId).sort()).toEqual(['2', '4']);
    expect(lina!.records[0]).toMatchObject({ dataset: 'donations', file: 'donations.csv', schema: 'row', importedBy: 'local' });
    const donations = await rows<{ amount: number; confidence: string }>(api.db, `MATCH (:Person {id: 'person:frau-lina-dachner'})-[r:DONATED_TO]->(:Organization {id: 'organization:mlpd'}) RETURN r.amountEur AS amount, r.confidence AS confidence ORDER BY amount`);
    expect(donations).toEqual([{ amount: 2500, confidence: 'dataset-record' }, { amount: 100000, confidence: 'dataset-record' }]);
  });

  it('changes nothing when the same sheet is imported again', async () => {
    const before = await graphPicture(api.db);
    const reply = await importSheet(DONATIONS_CSV);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.changes).toEqual({ nodes: { added: 0, changed: 0, unchanged: 7 }, edges: { added: 0, changed: 0, unchanged: 5 }, evidence: { added: 0, changed: 0, unchanged: 5 } });
    expect(await graphPicture(api.db)).toEqual(before);
  });

  it('updates what a newer version of the sheet changed and adds its new rows', async () => {
    const newer = `${new TextDecoder().decode(DONATIONS_CSV).replace('Südzucker AG;Company;Mannheim', 'Südzucker AG;Company;Ochsenfurt')}Neue Spender GmbH;Company;Köln;SPD;700;2014;\r\n`;
    const reply = await importSheet(newer);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    // Südzucker has a new city; CDU, its party, is cited by the changed row's new record too.
    expect(reply.body.changes.nodes).toEqual({ added: 2, changed: 2, unchanged: 5 });
    expect(reply.body.changes.edges).toEqual({ added: 1, changed: 1, unchanged: 4 });
    const [sudzucker] = await rows<{ city: string; records: number }>(api.db, `MATCH (n:Entity {id: 'company:sudzucker-ag'}) RETURN n.city AS city, size(n.evidence) AS records`);
    expect(sudzucker).toEqual({ city: 'Ochsenfurt', records: 2 });
  });

  it('refuses a sheet with bad rows, naming them, and writes nothing', async () => {
    const before = await graphPicture(api.db);
    const reply = await importSheet(DONATIONS_BAD_CSV);
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain('4 rows have problems');
    expect(reply.body.error.details.map((d) => d.where)).toEqual(['row 3 column "Amount (EUR)"', 'row 4 column "Donor"', 'row 4 column "Donor"', 'row 5 column "Date"', 'row 7 column "Donor type"']);
    expect(await graphPicture(api.db)).toEqual(before);
  });

  it('imports the good rows only when told to skip the bad ones, and lists what it skipped', async () => {
    const reply = await importSheet(DONATIONS_BAD_CSV, { ...withMapping, filename: 'donations-bad.csv', skipBadRows: true });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.rows).toBe(2);
    expect([...new Set(reply.body.skipped.map((s) => s.row))]).toEqual([3, 4, 5, 7]);
    expect(await rows(api.db, `MATCH (n:Entity) WHERE n.id IN ['person:anon-gmbh', 'company:anon-gmbh', 'organization:spd'] AND n.city = 'Köln' RETURN n.id`)).toEqual([]);
  });

  it('links rows to entities already in the graph through an id column, and refuses ids that are not there', async () => {
    const mapping = {
      nodes: [{ handle: 'party', kind: { fixed: 'Organization' }, keyColumns: ['Party'], nameColumn: 'Party' }],
      edges: [{ source: { idColumn: 'Entity id' }, target: { node: 'party' }, type: { column: 'Link' } }],
    };
    const sheet = 'Entity id\tLink\tParty\nperson:marco-rubio\tmet with\tCDU\nperson:nobody-here\tmet with\tCDU\n';
    const bad = await preview(sheet, { mapping });
    expect(bad.body.table.delimiter).toBe('\t');
    expect(bad.body.problems).toEqual([{ row: 3, column: null, message: 'person:nobody-here is not in the graph' }]);
    const reply = await importSheet(sheet, { mapping, filename: 'meetings.tsv', skipBadRows: true });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(await rows(api.db, `MATCH (:Entity {id: 'person:marco-rubio'})-[r:MET_WITH]->(:Entity {id: 'organization:cdu'}) RETURN r.confidence AS confidence`)).toEqual([{ confidence: 'dataset-record' }]);
  });
});
