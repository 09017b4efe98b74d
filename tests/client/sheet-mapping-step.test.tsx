import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SheetMappingStep } from '../../app/import-mapping/sheet-mapping-step';
import type { ImportProgress, SavedMapping, SheetImportSummary, SheetMapping, SheetPreview } from '../../shared/contract';
import { renderWithProviders, streamedReply, stubApi } from './render';

const table: SheetPreview['table'] = {
  sheets: [],
  sheet: null,
  delimiter: ';',
  columns: [
    { name: 'Donor', samples: ['<b>Lina</b>', 'Südzucker AG'] },
    { name: 'Donor type', samples: ['Person', 'Company'] },
    { name: 'Amount', samples: ['100', 'lots'] },
  ],
  rowCount: 2,
  more: false,
};

const preview = (mapping: SheetMapping): SheetPreview => ({
  table,
  rows: [
    { row: 2, nodes: [{ id: 'person:b-lina-b', labels: ['Person'], properties: { name: '<b>Lina</b>' } }], edges: [] },
    { row: 3, nodes: [], edges: [] },
  ],
  problems: mapping.nodes[0]?.properties.length ? [{ row: 3, column: 'Amount', message: '"lots" is not a number' }] : [],
  badRows: mapping.nodes[0]?.properties.length ? 1 : 0,
});

const saved: SavedMapping = {
  id: 'party-donations',
  name: 'Party donations',
  author: 'ana',
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
  mapping: { nodes: [{ handle: 'giver', kind: { fixed: 'Organization' }, keyColumns: ['Donor'], nameColumn: 'Donor', properties: [] }], edges: [] },
};

const summary: SheetImportSummary = {
  written: true,
  rows: 1,
  skipped: [{ row: 3, column: 'Amount', message: '"lots" is not a number' }],
  changes: { nodes: { added: 1, changed: 0, unchanged: 0 }, edges: { added: 0, changed: 0, unchanged: 0 }, evidence: { added: 1, changed: 0, unchanged: 0 } },
  ms: 5,
};

function stub(imported: SheetImportSummary = summary) {
  const sent: { path: string; query: URLSearchParams; body?: unknown }[] = [];
  const mappingOf = (url: URL) => JSON.parse(url.searchParams.get('mapping')!) as SheetMapping;
  stubApi({
    '/api/import/sheet/preview': (url) => {
      sent.push({ path: url.pathname, query: url.searchParams });
      return { body: url.searchParams.has('mapping') ? preview(mappingOf(url)) : { table, rows: [], problems: [], badRows: 0 } };
    },
    // One JSON line: the import's reply streams its events, here only the summary.
    '/api/import/sheet': (url) => {
      sent.push({ path: url.pathname, query: url.searchParams });
      return { body: { type: 'summary', summary: imported } };
    },
    '/api/import/mappings': { body: { mappings: [saved] } },
    '/api/import/mappings/donors': (url, init) => {
      sent.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(init!.body as string) });
      return { status: 201, body: { ...saved, id: 'donors', name: 'Donors' } };
    },
  });
  return sent;
}

const file = new File(['Donor;Donor type;Amount\n'], 'donations.csv', { type: 'text/csv' });

/** The API as stub() answers it, but the import streams `events` and stays open until cancelled. */
function streamImport(events: ImportProgress[]) {
  const api = globalThis.fetch;
  const imports: RequestInit[] = [];
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    if (new URL(input, 'http://localhost').pathname !== '/api/import/sheet') return api(input, init);
    imports.push(init!);
    return streamedReply(events, init?.signal);
  });
  return imports;
}

afterEach(() => vi.unstubAllGlobals());

// The preview waits for the mapping to settle (400 ms) before asking the server.
describe('the spreadsheet mapping step', { timeout: 20_000 }, () => {
  beforeAll(() => {
    // jsdom has no modal dialogs: opening one only sets `open`, as a browser does.
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
      this.open = false;
      this.dispatchEvent(new Event('close'));
    };
  });

  it('shows the columns with sample values as text, then previews the rows as the mapping makes them', async () => {
    const sent = stub();
    const { container } = renderWithProviders(<SheetMappingStep file={file} onClose={() => {}} />);
    const columns = await screen.findByRole('table', { name: /3 columns, 2 rows/ });
    expect(within(columns).getByRole('rowheader', { name: 'Donor type' })).toBeTruthy();
    expect(within(columns).getByText('<b>Lina</b> · Südzucker AG')).toBeTruthy();
    expect(container.querySelector('b')).toBeNull();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '+ Node mapping' }));
    const card = screen.getByRole('region', { name: 'Node mapping donor' });
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Kind' }), 'column “Donor type”');
    const rows = await screen.findByRole('table', { name: /as they will land/ });
    expect(within(rows).getByText('Person “<b>Lina</b>”')).toBeTruthy();
    const lastMapping = () => JSON.parse(sent.filter((s) => s.query.has('mapping')).pop()!.query.get('mapping')!) as unknown;
    await waitFor(() => expect(lastMapping()).toEqual({ nodes: [{ handle: 'donor', kind: { column: 'Donor type' }, keyColumns: ['Donor'], nameColumn: 'Donor', properties: [] }], edges: [] }));
  });

  it('names the bad rows, imports only once told to leave them out, and says what it did', async () => {
    const sent = stub();
    renderWithProviders(<SheetMappingStep file={file} onClose={() => {}} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '+ Node mapping' }));
    await user.click(screen.getByRole('button', { name: '+ Property' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Column' }), 'Amount');
    expect(await screen.findByText('column “Amount”: "lots" is not a number')).toBeTruthy();
    const importButton = screen.getByRole('button', { name: /^Import \d+ rows$/ });
    expect((importButton as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: /Leave out the 1 bad rows/ }));
    await user.click(screen.getByRole('button', { name: 'Import 1 rows' }));
    expect(await screen.findByText(/Imported 1 rows: 1 nodes added, 0 changed; 0 relationships added, 0 changed; 1 bad rows left out/)).toBeTruthy();
    const imported = sent.find((s) => s.path === '/api/import/sheet')!;
    expect(imported.query.get('skipBadRows')).toBe('true');
    expect(imported.query.get('filename')).toBe('donations.csv');
    expect(JSON.parse(imported.query.get('mapping')!).nodes[0].properties).toEqual([{ column: 'Amount', property: 'amount', type: 'text', separator: ';' }]);
  });

  it('offers to show what the import brought and to review its possible duplicates, closing the step for the duplicates panel', async () => {
    stub({ ...summary, skipped: [], change: 'change:x', possibleDuplicates: 2 });
    const review = vi.fn();
    const closed = vi.fn();
    renderWithProviders(<SheetMappingStep file={file} onClose={closed} onReviewDuplicates={review} showImported={(change) => <button type="button">Show {change}</button>} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '+ Node mapping' }));
    const importButton = await screen.findByRole<HTMLButtonElement>('button', { name: 'Import 2 rows' });
    await waitFor(() => expect(importButton.disabled).toBe(false));
    await user.click(importButton);
    const duplicates = await screen.findByText(/possible duplicates/);
    expect(duplicates.textContent).toBe('2 possible duplicates — Review');
    expect(screen.getByRole('button', { name: 'Show change:x' })).toBeTruthy();
    expect(screen.getByText(/^Imported 1 rows/).textContent).not.toContain('Search for them');
    await user.click(within(duplicates).getByRole('button', { name: 'Review' }));
    expect(review).toHaveBeenCalledOnce();
    expect(closed).toHaveBeenCalledOnce();
  });

  it('loads a saved mapping and saves the current one under a name', async () => {
    const sent = stub();
    renderWithProviders(<SheetMappingStep file={file} onClose={() => {}} />);
    const user = userEvent.setup();
    const load = await screen.findByRole('combobox', { name: 'Load saved mapping' });
    await waitFor(() => expect(within(load).getByRole('option', { name: 'Party donations (ana)' })).toBeTruthy());
    await user.selectOptions(load, 'Party donations (ana)');
    expect(screen.getByRole('region', { name: 'Node mapping giver' })).toBeTruthy();
    expect(screen.getByText('Loaded “Party donations”.')).toBeTruthy();

    const name = screen.getByRole('textbox', { name: 'Save as' });
    await user.clear(name);
    await user.type(name, 'Donors');
    await user.click(screen.getByRole('button', { name: 'Save mapping' }));
    expect(await screen.findByText('Saved as “Donors”.')).toBeTruthy();
    expect(sent.find((s) => s.path === '/api/import/mappings/donors')!.body).toEqual({ name: 'Donors', mapping: saved.mapping });
  });

  it('shows the progress of the import as it streams in; Cancel closes the connection, and nothing is written', async () => {
    stub();
    const imports = streamImport([{ type: 'progress', phase: 'rows', read: 4000, written: 7900, errors: 2, rate: 2000, done: 0.25, secondsLeft: 6 }]);
    renderWithProviders(<SheetMappingStep file={file} onClose={() => {}} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '+ Node mapping' }));
    const importButton = screen.getByRole('button', { name: 'Import 2 rows' });
    await waitFor(() => expect((importButton as HTMLButtonElement).disabled).toBe(false));
    await user.click(importButton);

    const bar = await screen.findByRole('progressbar', { name: 'Import progress' });
    await waitFor(() => expect(bar.getAttribute('value')).toBe('0.25'));
    expect(screen.getByText('rows: 4,000 lines read, 7,900 rows written, 2 bad lines, 2,000 lines/s, 25%, about 6 s left')).toBeTruthy();
    expect(new Headers(imports[0]!.headers).get('accept')).toBe('application/x-ndjson');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(imports[0]!.signal?.aborted).toBe(true);
    expect(await screen.findByText('Cancelled: nothing was written.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
