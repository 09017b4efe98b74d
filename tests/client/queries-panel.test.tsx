import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { QueriesPanel } from '../../app/queries/queries-panel';
import type { RunResult, SavedQuery, SchemaSummary } from '../../shared/contract';
import { renderWithProviders, stubApi } from './render';

const query: SavedQuery = {
  id: 'everything-a-source-asserts',
  name: 'Everything a source asserts',
  description: 'Every quote taken from one source.',
  cypher: 'MATCH (e:Evidence {sourceId: $sourceId})\nRETURN e.quote AS quote',
  parameters: [{ name: 'sourceId', type: 'nodeId', required: true, help: 'The source node' }],
  tags: ['sources', 'starter'],
  author: 'threadline',
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  version: 1,
};
const schema: SchemaSummary = { labels: [{ label: 'Person', count: 3, propertyKeys: ['name'] }], relationshipTypes: [], propertyKeys: ['name'] };
const result: RunResult = {
  columns: ['quote'],
  rows: [{ quote: 'Rubio agreed' }],
  graph: { nodes: [], edges: [] },
  summary: { ms: 5, rowCount: 1, truncated: false, truncatedBy: null, rowCap: 5000, byteCap: 4_194_304, timeoutMs: 15000 },
};
const error = (status: number, code: string, message: string, details: object[] = []) => ({ status, body: { error: { code, message, details } } });

function setup(run: ReturnType<typeof error> | { body: RunResult }) {
  const calls = stubApi({
    '/api/queries': { body: { queries: [query] } },
    '/api/schema': { body: schema },
    [`/api/queries/${query.id}`]: { body: query },
    [`/api/queries/${query.id}/run`]: run,
  });
  renderWithProviders(<QueriesPanel controller={null} selectedIds={[]} onClose={() => {}} />);
  return calls;
}

async function openAndRun() {
  await userEvent.click(await screen.findByRole('button', { name: /Everything a source asserts/ }));
  await userEvent.type(await screen.findByLabelText(/^sourceId/), 'source:x');
  await userEvent.click(screen.getByRole('button', { name: 'Run' }));
}

describe('QueriesPanel', () => {
  it('lists the library, opens a query, runs it with its form, and shows the table', async () => {
    setup({ body: result });
    expect(await screen.findByText('Every quote taken from one source.')).toBeTruthy();
    await openAndRun();
    expect((await screen.findByRole('status')).textContent).toMatch(/^1 row/);
    expect(within(screen.getByRole('table')).getByText('Rubio agreed')).toBeTruthy();
  });

  it('does not call the server while a required parameter is empty', async () => {
    const calls = setup({ body: result });
    await userEvent.click(await screen.findByRole('button', { name: /Everything a source asserts/ }));
    await userEvent.click(await screen.findByRole('button', { name: 'Run' }));
    expect(screen.getByText('sourceId: is required')).toBeTruthy();
    expect(calls.some((u) => u.pathname.endsWith('/run'))).toBe(false);
  });

  it("shows a syntax error's line, column and Neo4j's message by the editor", async () => {
    const message = "Cypher syntax error at line 2, column 8: Invalid input 'e'\n  RETURN e.quote AS quote\n         ^";
    setup(error(400, 'bad_request', message, [{ where: 'cypher', message: "Invalid input 'e'", line: 2, column: 8 }]));
    await openAndRun();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Cypher error at line 2, column 8')).toBeTruthy();
    expect(alert.textContent).toContain("Invalid input 'e'");
    expect(alert.previousElementSibling?.classList.contains('queries-editor')).toBe(true);
  });

  it('explains a refused write', async () => {
    setup(error(403, 'forbidden', 'Writes are not allowed: CREATE.'));
    await openAndRun();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Refused: saved and ad-hoc queries can only read the graph');
    expect(alert.textContent).toContain('Writes are not allowed: CREATE.');
    expect(alert.textContent).toContain('read transaction');
  });

  it('says a timeout stopped the query, with the limit', async () => {
    setup(error(408, 'timeout', 'The query ran longer than the 15 s limit and was stopped. Raise the limit with QUERY_TIMEOUT_MS.'));
    await openAndRun();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Stopped: the query ran past the time limit');
    expect(alert.textContent).toContain('15 s limit');
  });

  it('puts a parameter the server refused next to its field', async () => {
    setup(error(400, 'bad_request', 'Invalid parameters: params.sourceId: no node has the id source:x', [{ where: 'params.sourceId', message: 'no node has the id source:x' }]));
    await openAndRun();
    expect(await screen.findByText('sourceId: no node has the id source:x')).toBeTruthy();
    expect(screen.getByLabelText(/^sourceId/).getAttribute('aria-invalid')).toBe('true');
  });
});

describe('QueriesPanel, editing', () => {
  it('marks the syntax error in the editor text', async () => {
    setup(error(400, 'bad_request', "Cypher syntax error at line 2, column 8: Invalid input 'e'", [{ where: 'cypher', message: "Invalid input 'e'", line: 2, column: 8 }]));
    await openAndRun();
    await screen.findByRole('alert');
    expect(document.querySelector('.cm-lintRange-error')?.textContent).toBe('e');
  });

  it('saves an edit from its version, and shows a taken name by the name field', async () => {
    const sent = stubByMethod({
      'PUT /api/queries/everything-a-source-asserts': error(400, 'bad_request', 'A saved query named "Deal terms" already exists.', [{ where: 'body.name', message: 'is taken' }]),
    });
    renderWithProviders(<QueriesPanel controller={null} selectedIds={[]} onClose={() => {}} />);
    await userEvent.click(await screen.findByRole('button', { name: /Everything a source asserts/ }));
    await userEvent.click(await screen.findByRole('tab', { name: 'Details and parameters' }));
    const name = screen.getByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Deal terms');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Name is taken')).toBeTruthy();
    expect(within(screen.getByRole('alert')).getByText(/already exists/)).toBeTruthy();
    expect(sent.find((s) => s.method === 'PUT')).toMatchObject({ body: { name: 'Deal terms', baseVersion: 1, parameters: query.parameters } });
  });

  it('runs a query with edited parameters as ad-hoc Cypher, sending every declared parameter', async () => {
    const withOptional: SavedQuery = { ...query, parameters: [...query.parameters, { name: 'limit', type: 'integer', required: false, default: 5, help: '' }, { name: 'kinds', type: 'stringList', required: false, help: '' }] };
    const sent = stubByMethod({ [`GET /api/queries/${query.id}`]: { body: withOptional }, 'POST /api/cypher': { body: result } });
    renderWithProviders(<QueriesPanel controller={null} selectedIds={[]} onClose={() => {}} />);
    await userEvent.click(await screen.findByRole('button', { name: /Everything a source asserts/ }));
    await userEvent.click(await screen.findByRole('tab', { name: 'Details and parameters' }));
    await userEvent.type(screen.getByLabelText('Description'), ' Edited.');
    await userEvent.click(screen.getByRole('tab', { name: 'Cypher and run' }));
    expect(screen.queryByText(/runs as ad-hoc Cypher/)).toBeNull();
    await userEvent.click(screen.getByRole('tab', { name: 'Details and parameters' }));
    const limit = within(screen.getByRole('group', { name: 'Parameter limit' })).getByLabelText('Default value');
    await userEvent.clear(limit);
    await userEvent.type(limit, '7');
    await userEvent.click(screen.getByRole('tab', { name: 'Cypher and run' }));
    expect(screen.getByText(/runs as ad-hoc Cypher/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText(/^sourceId/), 'source:x');
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    await screen.findByRole('table');
    expect(sent.find((s) => s.method === 'POST')).toEqual({ method: 'POST', path: '/api/cypher', body: { query: query.cypher, params: { sourceId: 'source:x', limit: 7, kinds: [] } } });
  });

  it('deletes a query after asking, and goes back to the list', async () => {
    const sent = stubByMethod({ [`DELETE /api/queries/${query.id}`]: { status: 204, body: null } });
    renderWithProviders(<QueriesPanel controller={null} selectedIds={[]} onClose={() => {}} />);
    await userEvent.click(await screen.findByRole('button', { name: /Everything a source asserts/ }));
    await userEvent.click(await screen.findByRole('tab', { name: 'Details and parameters' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete this query…' }));
    expect(screen.getByText(/and its history for everyone/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('searchbox', { name: 'Search saved queries' })).toBeTruthy();
    expect(sent.filter((s) => s.method === 'DELETE').map((s) => s.path)).toEqual([`/api/queries/${query.id}`]);
  });

  it('lists the versions and restores one', async () => {
    const history = { id: query.id, versions: [{ ...query, version: 2, savedAt: '2025-01-02T00:00:00Z' }, { ...query, name: 'Old name', version: 1, savedAt: '2025-01-01T00:00:00Z' }] };
    let current = { ...query, version: 2 };
    const sent = stubByMethod({
      'GET /api/queries/everything-a-source-asserts': () => ({ body: current }),
      'GET /api/queries/everything-a-source-asserts/history': { body: history },
      'POST /api/queries/everything-a-source-asserts/restore': () => {
        current = { ...query, name: 'Old name', version: 3 };
        return { body: current };
      },
    });
    renderWithProviders(<QueriesPanel controller={null} selectedIds={[]} onClose={() => {}} />);
    await userEvent.click(await screen.findByRole('button', { name: /Everything a source asserts/ }));
    await userEvent.click(await screen.findByRole('tab', { name: 'History' }));
    expect(await screen.findByText('current')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Restore version 1' }));
    expect(await screen.findByRole('heading', { name: 'Old name' })).toBeTruthy();
    expect(sent.find((s) => s.method === 'POST')).toMatchObject({ path: `/api/queries/${query.id}/restore`, body: { version: 1 } });
  });
});

/** Like stubApi, by method as well as path; the list, schema and query answer as in `setup`. */
type Reply = { status?: number; body: unknown };

function stubByMethod(routes: Record<string, Reply | (() => Reply)>) {
  const sent: { method: string; path: string; body: unknown }[] = [];
  const all: Record<string, Reply | (() => Reply)> = {
    'GET /api/queries': { body: { queries: [query] } },
    'GET /api/schema': { body: schema },
    [`GET /api/queries/${query.id}`]: { body: query },
    ...routes,
  };
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = new URL(input, 'http://localhost').pathname;
    sent.push({ method, path, body: init.body ? JSON.parse(String(init.body)) : undefined });
    const route = all[`${method} ${path}`] ?? error(404, 'not_found', `no route ${method} ${path}`);
    const reply = typeof route === 'function' ? route() : route;
    const body = reply.status === 204 ? null : JSON.stringify(reply.body);
    return new Response(body, { status: reply.status ?? 200, headers: { 'content-type': 'application/json' } });
  });
  return sent;
}
