import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DetailsReporting } from '../../app/reporting/details-reporting';
import { ReportingPanel } from '../../app/reporting/reporting-panel';
import type { Change, EdgeDetails } from '../../shared/contract';
import { renderWithProviders, stubApi } from './render';
import { apiError, fakeCanvas } from './reporting-fixtures';

const change = (id: string, over: Partial<Change>): Change => ({ id, kind: 'add-claim', by: 'ed', at: '2025-03-14T10:00:00Z', summary: '', note: null, targets: [], revertedBy: null, reverts: null, counts: null, ...over });
const changes = [
  change('change:3', { kind: 'retract', by: 'rui', summary: 'retracted a quote from "Test report"', note: 'The Post corrected it', targets: ['evidence:t:1', 'rel:gone', 'rel:back'] }),
  change('change:2', { summary: 'added a quote from "Test report" to Marco Rubio spoke with Nayib Bukele' }),
  change('change:1', { kind: 'add-source', summary: 'added the source "Test report"', revertedBy: 'change:4' }),
];

function setup(role: string) {
  const canvas = fakeCanvas();
  const controller = Object.assign(canvas.controller, {
    snapshot: () => ({ nodes: ['person:a', 'person:b'].map((id) => ({ data: { id } })), edges: [{ data: { id: 'rel:gone', source: 'person:a', target: 'person:b' } }] }),
  });
  const calls = stubApi({
    '/api/subgraph': {
      body: { nodes: [{ id: 'person:a', labels: ['Person'], properties: {} }, { id: 'person:b', labels: ['Person'], properties: {} }], edges: [{ id: 'rel:back', type: 'TOLD', source: 'person:a', target: 'person:b', properties: {} }], missing: [] },
    },
    '/api/auth/me': { body: { user: { name: 'ed', role }, mode: 'login', via: 'session' } },
    '/api/sources': { body: { sources: [] } },
    '/api/changes': { body: { changes, nextBefore: null } },
    [`/api/changes/${encodeURIComponent('change:2')}/revert`]: apiError(409, 'conflict', 'Later changes depend on this one: change:3 retracted a quote from it'),
    [`/api/changes/${encodeURIComponent('change:3')}/revert`]: { status: 201, body: change('change:5', { kind: 'revert', reverts: 'change:3' }) },
  });
  renderWithProviders(<ReportingPanel canvas={canvas} onClose={() => {}} />);
  return { calls, controller };
}

describe('changes feed', () => {
  it('lists who changed what and when, reverts, and shows a 409 with its message', async () => {
    const { calls, controller } = setup('editor');
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Changes' }));
    const feed = await screen.findByRole('list', { name: 'Recent changes' });
    const items = within(feed).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]!.textContent).toContain('Retraction · rui ·');
    expect(within(items[0]!).getByText('“The Post corrected it”')).toBeTruthy();
    expect(within(items[0]!).getByText('retracted a quote from "Test report"')).toBeTruthy();
    expect(within(items[0]!).getByRole('time').getAttribute('datetime')).toBe('2025-03-14T10:00:00Z');
    // Already reverted: no button.
    expect(within(items[2]!).queryByRole('button', { name: /Revert/ })).toBeNull();
    expect(within(items[2]!).getByText('Reverted')).toBeTruthy();

    await user.click(within(items[1]!).getByRole('button', { name: /^Revert: added a quote/ }));
    expect((await within(items[1]!).findByRole('alert')).textContent).toBe('Later changes depend on this one: change:3 retracted a quote from it');

    await user.click(within(items[0]!).getByRole('button', { name: /^Revert: retracted/ }));
    await screen.findByRole('list', { name: 'Recent changes' });
    // The canvas follows: what the revert deleted leaves it, what it brought back returns.
    await vi.waitFor(() => expect(controller.remove).toHaveBeenCalledWith(['rel:gone']));
    expect(controller.add).toHaveBeenCalledWith({ nodes: [], edges: [expect.objectContaining({ id: 'rel:back' })] });
    // What it changed and is drawn takes its data now, edges too (their confidence).
    expect(controller.redraw).toHaveBeenCalledWith({ nodes: [], edges: [expect.objectContaining({ id: 'rel:back' })] });
    expect(calls.filter((u) => u.pathname.endsWith('/revert')).map((u) => decodeURIComponent(u.pathname))).toEqual(['/api/changes/change:2/revert', '/api/changes/change:3/revert']);
  });

  it('shows viewers and analysts the feed without revert buttons', async () => {
    setup('viewer');
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Changes' }));
    const feed = await screen.findByRole('list', { name: 'Recent changes' });
    expect(within(feed).getAllByRole('listitem')).toHaveLength(3);
    expect(within(feed).queryByRole('button')).toBeNull();
  });
});

describe('paging and history', () => {
  const older = [change('change:0', { summary: 'the oldest change' })];
  const paged = (url: URL) => (url.searchParams.get('before') === 'change:1' ? { body: { changes: older, nextBefore: null } } : { body: { changes, nextBefore: 'change:1' } });

  it('shows older changes a page at a time, from the previous page\'s nextBefore, until there are none', async () => {
    const calls = stubApi({ '/api/auth/me': { body: { user: { name: 'v', role: 'viewer' }, mode: 'login', via: 'session' } }, '/api/sources': { body: { sources: [] } }, '/api/changes': paged });
    renderWithProviders(<ReportingPanel canvas={fakeCanvas()} onClose={() => {}} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Changes' }));
    const feed = await screen.findByRole('list', { name: 'Recent changes' });
    expect(within(feed).getAllByRole('listitem')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Show older' }));
    await vi.waitFor(() => expect(within(feed).getAllByRole('listitem')).toHaveLength(4));
    expect(within(feed).getAllByRole('listitem')[3]!.textContent).toContain('the oldest change');
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
    expect(calls.filter((u) => u.pathname === '/api/changes').map((u) => u.searchParams.get('before'))).toEqual([null, 'change:1']);
  });

  it('shows an edge\'s history in its details: only its changes, with reverts for editors that reload the details', async () => {
    const calls = stubApi({
      '/api/auth/me': { body: { user: { name: 'ed', role: 'editor' }, mode: 'login', via: 'session' } },
      '/api/changes': paged,
      [`/api/changes/${encodeURIComponent('change:3')}/revert`]: { status: 201, body: change('change:5', { kind: 'revert', reverts: 'change:3' }) },
    });
    const edge = { id: 'rel:back', type: 'TOLD', source: 'person:a', target: 'person:b', properties: {} };
    const node = { labels: ['Entity', 'Person'], properties: { name: 'A' } };
    const details: EdgeDetails = { edge, sourceNode: { id: 'person:a', ...node }, targetNode: { id: 'person:b', ...node }, evidence: [] };
    const reload = vi.fn();
    renderWithProviders(<DetailsReporting about={{ group: 'edges', details, reload }} canvas={fakeCanvas()} />);
    const history = await screen.findByRole('list', { name: 'History of rel:back' });
    expect(screen.queryByRole('button', { name: /Edit/ })).toBeNull();
    await userEvent.click(within(history).getByRole('button', { name: /^Revert: retracted/ }));
    await vi.waitFor(() => expect(reload).toHaveBeenCalled());
    expect(calls.find((u) => u.pathname === '/api/changes')!.searchParams.get('target')).toBe('rel:back');
  });
});
