import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ReportingPanel } from '../../app/reporting/reporting-panel';
import type { SourceCreated } from '../../shared/contract';
import { renderWithProviders, stubApi } from './render';
import { apiError, fakeCanvas, recordBodies, source } from './reporting-fixtures';

const me = (role: string) => ({ body: { user: { name: 'ed', role }, mode: 'login', via: 'session' } });
const created: SourceCreated = { change: { id: 'change:2', kind: 'add-source', by: 'ed', at: '2025-03-14T10:00:00Z', summary: 'added the source "Test report"', note: null, targets: [source.source.id], revertedBy: null, reverts: null, counts: null }, source: source.source };

function setup(role: string, addSource: (n: number) => { status?: number; body: unknown } = () => ({ status: 201, body: created })) {
  let n = 0;
  const calls = stubApi({
    '/api/auth/me': me(role),
    '/api/sources': (url) => ({ body: { sources: url.searchParams.get('q') === 'nothing' ? [] : [source.source] } }),
    [`/api/sources/${encodeURIComponent(source.source.id)}`]: { body: source },
    '/api/changes': (url) => ({ body: { changes: url.searchParams.get('target') === source.source.id ? [created.change] : [], nextBefore: null } }),
  });
  // POST /api/sources answers from `addSource`; GET from the library.
  const inner = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    if (init?.method === 'POST' || init?.body) {
      const reply = addSource(n++);
      return Promise.resolve(new Response(JSON.stringify(reply.body), { status: reply.status ?? 200, headers: { 'content-type': 'application/json' } }));
    }
    return inner(input, init);
  });
  const bodies = recordBodies();
  renderWithProviders(<ReportingPanel canvas={fakeCanvas()} onClose={() => {}} />);
  return { calls, bodies };
}

const describedBy = (element: HTMLElement) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent;

describe('sources panel', () => {
  it('lists and searches the library; viewers get no write controls', async () => {
    const { calls } = setup('analyst');
    const user = userEvent.setup();
    expect(await screen.findByRole('button', { name: /Test report/ })).toBeTruthy();
    await user.type(screen.getByRole('searchbox', { name: 'Search sources' }), 'nothing');
    expect(await screen.findByText('No source matches.')).toBeTruthy();
    expect(calls.some((u) => u.pathname === '/api/sources' && u.searchParams.get('q') === 'nothing')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Add source' })).toBeNull();

    await user.clear(screen.getByRole('searchbox', { name: 'Search sources' }));
    await user.click(await screen.findByRole('button', { name: /Test report/ }));
    expect(await screen.findByText(/Underlined: quotes in use/)).toBeTruthy();
    expect(screen.queryByText(/Select a sentence/)).toBeNull();
  });

  it("shows a source's history: the changes that name it, asked for by its id", async () => {
    const { calls } = setup('analyst');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Test report/ }));
    await user.click(await screen.findByRole('button', { name: 'History' }));
    const history = await screen.findByRole('list', { name: `History of ${source.source.title}` });
    expect((await within(history).findAllByRole('listitem')).map((li) => li.textContent)).toEqual([expect.stringContaining('added the source "Test report"')]);
    expect(calls.filter((u) => u.pathname === '/api/changes').map((u) => u.searchParams.get('target'))).toContain(source.source.id);
  });

  it('adds a source, shows the server errors by field, keeps what was typed, and sends a file with its format', async () => {
    const { bodies } = setup('editor', (n) =>
      n === 0
        ? apiError(400, 'bad_request', 'Invalid request', [
            { where: 'body.url', message: 'must be an http(s) URL' },
            { where: 'body.publishedAt', message: 'must be YYYY, YYYY-MM or YYYY-MM-DD' },
          ])
        : { status: 201, body: created },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add source' }));
    const form = screen.getByRole('form', { name: 'Add source' });
    await user.type(within(form).getByLabelText('Title'), 'Test report');
    await user.type(within(form).getByLabelText(/^Publisher/), 'Test Post');
    await user.type(within(form).getByLabelText(/^URL/), 'ftp://example.org/x');
    await user.type(within(form).getByLabelText(/^Published/), 'March 2025');
    await user.type(within(form).getByLabelText('Text'), 'TEST MATERIAL — pasted text.');
    await user.click(within(form).getByRole('button', { name: 'Add source' }));

    const url = within(form).getByLabelText<HTMLInputElement>(/^URL/);
    await within(form).findByText('must be an http(s) URL');
    expect(describedBy(url)).toBe('must be an http(s) URL');
    expect(describedBy(within(form).getByLabelText(/^Published/))).toBe('must be YYYY, YYYY-MM or YYYY-MM-DD');
    expect(url.value).toBe('ftp://example.org/x');
    expect(within(form).getByLabelText<HTMLTextAreaElement>('Text').value).toBe('TEST MATERIAL — pasted text.');

    await user.clear(url);
    await user.clear(within(form).getByLabelText(/^Published/));
    await user.upload(within(form).getByLabelText(/Or a file/), new File(['<article><p>TEST MATERIAL — an HTML file.</p></article>'], 'report.html', { type: 'text/html' }));
    expect(await within(form).findByText(/Read report.html as HTML/)).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Add source' }));

    // The new source opens in the reader.
    expect(await screen.findByText(/Select a sentence/)).toBeTruthy();
    const posts = bodies.filter((b) => b.path === '/api/sources').map((b) => b.body);
    expect(posts[0]).toMatchObject({ title: 'Test report', publisher: 'Test Post', url: 'ftp://example.org/x', format: 'text', content: 'TEST MATERIAL — pasted text.' });
    expect(posts[1]).toEqual({ title: 'Test report', publisher: 'Test Post', format: 'html', content: '<article><p>TEST MATERIAL — an HTML file.</p></article>' });
  });
});
