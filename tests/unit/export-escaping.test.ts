import { describe, expect, it } from 'vitest';
import { csvCell, header, neutralise, unneutralise } from '../../server/services/export/csv-cell.js';
import { cypherMap, cypherName, cypherString } from '../../server/services/export/cypher-literal.js';
import { contentDisposition, exportFilename, slug } from '../../shared/contract/export-filename.js';
import { scriptJson } from '../../server/services/export/html.js';
import { kindOfCypherTypes, propertyColumns } from '../../server/services/export/property-types.js';
import { escapeXml } from '../../server/services/export/xml-escape.js';
import { parseCsv } from '../../server/services/import/csv-parse.js';
import { jsonErrorOffset } from '../../server/services/import/json-error-offset.js';

describe('CSV cells', () => {
  it('neutralises text that a spreadsheet would run as a formula, reversibly', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', "'quoted"]) {
      expect(neutralise(text)).toBe(`'${text}`);
      expect(unneutralise(neutralise(text))).toBe(text);
    }
    expect(neutralise('César López')).toBe('César López');
    expect(csvCell('=HYPERLINK("http://x","y")', 'string')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('quotes what needs quoting, keeps numbers as numbers, tells "" from no value', () => {
    expect(csvCell('a, b', 'string')).toBe('"a, b"');
    expect(csvCell('line\nbreak', 'string')).toBe('"line\nbreak"');
    expect(csvCell('', 'string')).toBe('""');
    expect(csvCell(null, 'string')).toBe('');
    expect(csvCell(-5, 'integer')).toBe('-5');
    expect(csvCell(['a', 'b'], 'string[]')).toBe('"[""a"",""b""]"');
    expect(header({ name: 'count', kind: 'integer' })).toBe('count:integer');
    expect(header({ name: 'name', kind: 'string' })).toBe('name');
  });

  it('reads CSV back with the line each record starts on, quoted line breaks included', () => {
    const records = parseCsv('\uFEFFid,name\r\na,"two\r\nlines"\r\nb,""\r\nc,\r\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4, 5]);
    expect(records[1]!.cells[1]).toEqual({ value: 'two\r\nlines', quoted: true });
    expect(records[2]!.cells[1]).toEqual({ value: '', quoted: true });
    expect(records[3]!.cells[1]).toEqual({ value: '', quoted: false });
    expect(() => parseCsv('a,"b\nc')).toThrow('a quoted cell is never closed');
  });
});

describe('XML, HTML and script escaping', () => {
  it('escapes markup and keeps line breaks and tabs through attribute normalisation', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
    expect(escapeXml('a\nb\tc\rd')).toBe('a&#10;b&#9;c&#13;d');
    expect(escapeXml('bell\u0007 lone\uD800 ok😀')).toBe('bell\uFFFD lone\uFFFD ok😀');
  });

  it('writes JSON that cannot close its <script> element', () => {
    const json = scriptJson({ name: '</script><script>alert(1)</script>', amp: 'a & b', ls: '\u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script>', amp: 'a & b', ls: '\u2028' });
  });
});

describe('Cypher literals', () => {
  it('keeps every string on one line and inside its quotes', () => {
    expect(cypherString("O'Brien \\ said\n\"hi\"")).toBe("'O\\'Brien \\\\ said\\n\"hi\"'");
    expect(cypherString("x'}) DETACH DELETE n //")).toBe("'x\\'}) DETACH DELETE n //'");
    expect(cypherString('nul\u0000')).toBe("'nul\\u0000'");
    expect(cypherName('AGREED_TO')).toBe('AGREED_TO');
    expect(cypherName('odd`name')).toBe('`odd``name`');
    expect(cypherMap({ name: 'César', count: 9, ratio: 0.5, big: 1e21, on: true, aliases: ['a', 'b'] })).toBe("{name: 'César', count: 9.0, ratio: 0.5, big: 1e21, on: true, aliases: ['a', 'b']}");
  });
});

describe('file names', () => {
  it('folds the title to a short ASCII slug with the date and extension', () => {
    expect(slug('Rubio’s deal: López & co.')).toBe('rubios-deal-lopez-co');
    expect(exportFilename('Rubio’s deal', 'csv', '2025-03-16T10:00:00.000Z')).toBe('threadline-rubios-deal-2025-03-16.zip');
    expect(exportFilename('Threadline export', 'json', '2025-03-16T10:00:00.000Z')).toBe('threadline-export-2025-03-16.json');
    expect(exportFilename('!!!', 'html', '2025-03-16T10:00:00.000Z')).toBe('threadline-2025-03-16.html');
    expect(contentDisposition('a"b.json')).toBe('attachment; filename="ab.json"');
  });
});

describe('typed columns and JSON errors', () => {
  it("types a key by every Cypher type the graph holds for it: whole floats stay floats, lists of mixed kinds are JSON", () => {
    expect(kindOfCypherTypes(['FLOAT NOT NULL'])).toBe('float');
    expect(kindOfCypherTypes(['INTEGER NOT NULL', 'FLOAT NOT NULL'])).toBe('float');
    expect(kindOfCypherTypes(['LIST<NOTHING> NOT NULL', 'LIST<STRING NOT NULL> NOT NULL'])).toBe('string[]');
    expect(kindOfCypherTypes(['LIST<NOTHING> NOT NULL'])).toBe('string[]');
    expect(kindOfCypherTypes(['STRING NOT NULL', 'LIST<STRING NOT NULL> NOT NULL'])).toBe('json');
    expect(kindOfCypherTypes(['LIST<BOOLEAN NOT NULL> NOT NULL'])).toBe('json');
    expect(kindOfCypherTypes(['DATE NOT NULL', 'STRING NOT NULL'])).toBe('string');
    expect(kindOfCypherTypes(['POINT NOT NULL'])).toBe('json');
  });

  it('makes one column per key the rows hold, of its kind in the graph (JSON when the graph does not say)', () => {
    const kinds = new Map([['count', 'float'], ['name', 'string']] as const);
    const columns = propertyColumns([{ properties: { count: 9, name: 'a' } }, { properties: { name: 'b', other: 1 } }], kinds);
    expect(columns).toEqual([{ name: 'count', kind: 'float' }, { name: 'name', kind: 'string' }, { name: 'other', kind: 'json' }]);
  });

  it('finds where JSON text goes wrong', () => {
    expect(jsonErrorOffset('{"a": [1, 2}')).toBe(11);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
  });
});
