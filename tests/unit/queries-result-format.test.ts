import { Node, Path, PathSegment, Relationship, int } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toCsv, toTable } from '../../server/cli/result-format.js';
import { cellText } from '../../shared/contract/result-cells.js';
import type { RunResult } from '../../shared/contract/index.js';
import { GraphCollector, toPlain } from '../../server/db/to-graph.js';

const node = (eid: string, id: string, name: string) => new Node(int(0), ['Entity', 'Person'], { id, name }, eid);
const rubio = node('e1', 'person:marco-rubio', 'Marco Rubio');
const bukele = node('e2', 'person:nayib-bukele', 'Nayib Bukele');
const told = new Relationship(int(9), int(0), int(0), 'TOLD', { id: 'rel:bukele-told-rubio' }, 'r1', 'e2', 'e1');

describe('toPlain and GraphCollector for query results', () => {
  it('names relationship ends by the collected nodes, and paths as {nodes, edges}', () => {
    const collector = new GraphCollector().add([rubio, bukele]);
    expect(collector.toPlain({ r: told })).toEqual({
      r: { id: 'rel:bukele-told-rubio', type: 'TOLD', source: 'person:nayib-bukele', target: 'person:marco-rubio', properties: {} },
    });
    const path = new Path(rubio, bukele, [new PathSegment(rubio, told, bukele)]);
    expect(toPlain(path)).toEqual({
      nodes: [
        { id: 'person:marco-rubio', labels: ['Entity', 'Person'], properties: { name: 'Marco Rubio' } },
        { id: 'person:nayib-bukele', labels: ['Entity', 'Person'], properties: { name: 'Nayib Bukele' } },
      ],
      edges: [{ id: 'rel:bukele-told-rubio', type: 'TOLD', source: 'person:nayib-bukele', target: 'person:marco-rubio', properties: {} }],
    });
  });

  it('gives a relationship with unknown ends an opaque id, never an internal one', () => {
    const plain = toPlain(told) as { source: string; target: string };
    expect(plain.source).toMatch(/^anon:[0-9a-f]{12}$/);
    expect(plain.target).not.toBe(plain.source);
  });
});

const result: RunResult = {
  columns: ['name', 'node', 'aliases', 'note'],
  rows: [
    { name: 'Marco Rubio', node: { id: 'person:marco-rubio', labels: ['Entity', 'Person'], properties: { name: 'Marco Rubio' } }, aliases: ['Little Marco'], note: 'said "no", then, left' },
    { name: 'Nobody', node: null, aliases: [], note: null },
  ],
  graph: { nodes: [], edges: [] },
  summary: { ms: 1, rowCount: 2, truncated: false, truncatedBy: null, rowCap: 10, byteCap: 4_194_304, timeoutMs: 1000 },
};

describe('result formats', () => {
  it('writes RFC 4180 CSV with nodes by id and lists as JSON', () => {
    expect(toCsv(result)).toBe('name,node,aliases,note\r\nMarco Rubio,person:marco-rubio,"[""Little Marco""]","said ""no"", then, left"\r\nNobody,,[],\r\n');
  });

  it('quotes CSV cells with commas, quotes, line breaks or edge spaces, and only those', () => {
    const rows = [{ a: 'a, b' }, { a: 'say "hi"' }, { a: 'two\nlines' }, { a: 'cr\rlf\r\n' }, { a: ' padded' }, { a: 'plain text' }, { a: '' }];
    expect(toCsv({ ...result, columns: ['a'], rows })).toBe(
      ['a', '"a, b"', '"say ""hi"""', '"two\nlines"', '"cr\rlf\r\n"', '" padded"', 'plain text', '', ''].join('\r\n'),
    );
  });

  it('neutralises CSV cells a spreadsheet would run as formulas, column names too, but not numbers', () => {
    const rows = [{ a: '=cmd()' }, { a: '+1' }, { a: '-1' }, { a: '@SUM(A1)' }, { a: '\tx' }, { a: '\rx' }, { a: -1 }, { a: 'a=b' }, { a: ['=cmd()'] }];
    expect(toCsv({ ...result, columns: ['a'], rows })).toBe(
      ['a', "'=cmd()", "'+1", "'-1", "'@SUM(A1)", "'\tx", '"\'\rx"', '-1', 'a=b', '"[""=cmd()""]"', ''].join('\r\n'),
    );
    expect(toCsv({ ...result, columns: ['=HYPERLINK("x")'], rows: [{ '=HYPERLINK("x")': '=cmd()' }] })).toBe(`"'=HYPERLINK(""x"")"\r\n'=cmd()\r\n`);
  });

  it('aligns a table with nodes by name', () => {
    expect(toTable(result).split('\n')).toEqual([
      'name         node         aliases       note',
      '-----------  -----------  ------------  ---------------------',
      'Marco Rubio  Marco Rubio  Little Marco  said "no", then, left',
      'Nobody',
      '',
    ]);
  });

  it('shows relationships and paths readably', () => {
    const edge = { id: 'rel:x', type: 'TOLD', source: 'a', target: 'b', properties: {} };
    expect(cellText(edge, 'names')).toBe('TOLD');
    expect(cellText(edge, 'ids')).toBe('rel:x');
    expect(cellText({ nodes: [{ id: 'a', labels: [], properties: { name: 'A' } }, { id: 'b', labels: [], properties: {} }], edges: [edge] }, 'names')).toBe('A — b');
    expect(cellText({ x: 1 }, 'ids')).toBe('{"x":1}');
  });
});
