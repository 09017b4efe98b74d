import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError, parseCsv } from '../../server/services/import/csv-parse.js';

const SAMPLE = '\uFEFFname;note\r\n"Dachner, Lina";"said ""no""\r\nthen left"\r\n\r\nSüdzucker;\r\nlast;"x"';

function inChunks(text: string, size: number) {
  const parser = new CsvParser(';');
  const records = [];
  for (let i = 0; i < text.length; i += size) records.push(...parser.push(text.slice(i, i + size)));
  return [...records, ...parser.end()];
}

describe('CsvParser', () => {
  it('gives the same records, lines and quoting whatever the chunks, split anywhere (inside quotes, between \\r and \\n)', () => {
    const whole = parseCsv(SAMPLE, ';');
    expect(whole.map((r) => [r.line, r.cells.map((c) => c.value)])).toEqual([
      [1, ['name', 'note']],
      [2, ['Dachner, Lina', 'said "no"\r\nthen left']],
      [5, ['Südzucker', '']],
      [6, ['last', 'x']],
    ]);
    for (let size = 1; size <= SAMPLE.length; size++) expect(inChunks(SAMPLE, size), `chunks of ${size}`).toEqual(whole);
  });

  it('holds a record back until its line ends, and gives the last one at the end', () => {
    const parser = new CsvParser();
    expect(parser.push('a,b\n1,"2')).toEqual([{ line: 1, cells: [{ value: 'a', quoted: false }, { value: 'b', quoted: false }] }]);
    expect(parser.push('"')).toEqual([]);
    expect(parser.end()).toEqual([{ line: 2, cells: [{ value: '1', quoted: false }, { value: '2', quoted: true }] }]);
  });

  it('says on which line a quoted cell opens that is never closed, only once the text has ended', () => {
    const parser = new CsvParser();
    expect(parser.push('a\n"open\nstill open')).toHaveLength(1);
    expect(() => parser.end()).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\nb"c\n')).toThrow(/a quote inside an unquoted cell/);
  });
});
