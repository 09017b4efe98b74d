import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { toCsv, toJson } from '../../app/queries/result-export';
import { ResultView } from '../../app/queries/result-view';
import type { RunResult } from '../../shared/contract';

const rubio = { id: 'person:marco-rubio', labels: ['Entity', 'Person'], properties: { name: 'Marco Rubio' } };
const bukele = { id: 'person:nayib-bukele', labels: ['Entity', 'Person'], properties: { name: 'Nayib Bukele' } };
const deal = { id: 'deal:cecot', labels: ['Entity', 'Deal'], properties: { name: 'CECOT deal' } };
const told = { id: 'rel:bukele-told-rubio', type: 'TOLD', source: bukele.id, target: rubio.id, properties: {} };

const result: RunResult = {
  columns: ['who', 'person', 'hops', 'via', 'note'],
  rows: [
    { who: 'Bukele', person: bukele, hops: 10, via: told, note: null },
    { who: 'Rubio', person: rubio, hops: 2, via: null, note: '=HYPERLINK("http://x")' },
    { who: 'Álvaro, "the deal"', person: deal, hops: -3, via: [told], note: '+1 line\nsecond' },
  ],
  graph: { nodes: [rubio, bukele, deal], edges: [told] },
  summary: { ms: 12.4, rowCount: 3, truncated: true, truncatedBy: 'rows', rowCap: 3, byteCap: 4_194_304, timeoutMs: 15000 },
};

const column = (name: string) => {
  const table = screen.getByRole('table');
  const index = within(table).getAllByRole('columnheader').findIndex((th) => th.textContent?.startsWith(name));
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[index]!.textContent);
};

/** jsdom's Blob has no arrayBuffer(); its FileReader reads the same bytes. */
function readBlob(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe('ResultView', () => {
  it('shows nodes by name, relationships by type, the summary and the cap', () => {
    render(<ResultView result={result} name="Who told whom" onOpen={() => {}} />);
    expect(column('person')).toEqual([' Nayib Bukele', ' Marco Rubio', ' CECOT deal']);
    expect(column('via')).toEqual(['TOLD', 'null', 'TOLD']);
    expect(screen.getByRole('status').textContent).toMatch(/^3 rows · 3 nodes · 1 relationships · 12 ms/);
    expect(screen.getByText(/Truncated: only the first 3 rows/)).toBeTruthy();
  });

  it('sorts by a column: numbers by value, text by name, then reversed, then back to the server order', async () => {
    render(<ResultView result={result} name="q" onOpen={() => {}} />);
    const hops = screen.getByRole('button', { name: /^hops/ });
    await userEvent.click(hops);
    expect(column('hops')).toEqual(['-3', '2', '10']);
    expect(screen.getByRole('columnheader', { name: /hops/ }).getAttribute('aria-sort')).toBe('ascending');
    await userEvent.click(hops);
    expect(column('hops')).toEqual(['10', '2', '-3']);
    await userEvent.click(hops);
    expect(column('hops')).toEqual(['10', '2', '-3']);
    await userEvent.click(screen.getByRole('button', { name: /^person/ }));
    expect(column('person')).toEqual([' CECOT deal', ' Marco Rubio', ' Nayib Bukele']);
    await userEvent.click(screen.getByRole('button', { name: /^via/ }));
    await userEvent.click(screen.getByRole('button', { name: /^via/ }));
    expect(column('via').at(-1)).toBe('null');
  });

  it('opens the result on the canvas, merged or replacing', async () => {
    const onOpen = vi.fn();
    render(<ResultView result={result} name="q" onOpen={onOpen} />);
    const group = screen.getByRole('group', { name: 'Open on canvas' });
    await userEvent.click(within(group).getByRole('button', { name: 'Merge' }));
    await userEvent.click(within(group).getByRole('button', { name: 'Replace' }));
    expect(onOpen.mock.calls).toEqual([['merge'], ['replace']]);
  });

  it('downloads the table as CSV through a Blob, named after the query', async () => {
    const blobs: Blob[] = [];
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:result');
        static override revokeObjectURL = () => {};
      },
    );
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    render(<ResultView result={result} name="Who told whom?" onOpen={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await userEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    click.mockRestore();
    expect(names).toEqual(['who-told-whom.csv', 'who-told-whom.json']);
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await readBlob(blobs[0]!));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe(toCsv(result).slice(1));
  });
});

describe('the exported files', () => {
  it('writes CSV with a BOM, CRLF lines, quoted cells, and ids for nodes and relationships', () => {
    const lines = toCsv(result).split('\r\n');
    expect(lines[0]).toBe('\uFEFFwho,person,hops,via,note');
    expect(lines[1]).toBe('Bukele,person:nayib-bukele,10,rel:bukele-told-rubio,');
    expect(lines[3]).toBe('"Álvaro, ""the deal""",deal:cecot,-3,"[""rel:bukele-told-rubio""]","\'+1 line\nsecond"');
    expect(lines.at(-1)).toBe('');
  });

  it('neutralises cells a spreadsheet would run as formulas, but not numbers', () => {
    const csv = toCsv({ columns: ['a'], rows: [{ a: '=1+1' }, { a: '+1' }, { a: '-1' }, { a: '@SUM(A1)' }, { a: '\tx' }, { a: '\rx' }, { a: -1 }, { a: 'a=b' }] });
    expect(csv.slice(1).split('\r\n').slice(1, -1)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", '"\'\rx"', '-1', 'a=b']);
    expect(toCsv({ columns: ['=evil'], rows: [] })).toBe("\uFEFF'=evil\r\n");
  });

  it('writes JSON rows with the columns in order and the cells whole', () => {
    const rows = JSON.parse(toJson(result)) as Record<string, unknown>[];
    expect(Object.keys(rows[0]!)).toEqual(result.columns);
    expect(rows[0]!.person).toEqual(bukele);
    expect(rows[1]!.note).toBe('=HYPERLINK("http://x")');
  });
});
