import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ReportingPanel } from '../../app/reporting/reporting-panel';
import { importUndoText } from '../../app/reporting/import-undo';
import type { Change } from '../../shared/contract';
import { renderWithProviders, stubApi } from './render';
import { fakeCanvas } from './reporting-fixtures';

const summary = 'Imported donations.ijson: nodes: 184 created, 2 merged, 40 unchanged; relationships: 1200 created, 0 merged, 0 unchanged; quotes: 9 created, 1 merged, 0 unchanged';
const counts = {
  nodes: { created: 184, merged: 2, unchanged: 40 },
  edges: { created: 1200, merged: 0, unchanged: 0 },
  evidence: { created: 9, merged: 1, unchanged: 0 },
};
const imported: Change = { id: 'change:9', kind: 'import', by: 'ed', at: '2025-03-14T10:00:00Z', summary, note: null, targets: ['person:a'], revertedBy: null, reverts: null, counts };
const node = (id: string) => ({ id, labels: ['Person'], properties: {} });

/** A canvas with an entity that was there before the import and two plus a relationship the import brought. */
function setup() {
  const canvas = fakeCanvas();
  const controller = Object.assign(canvas.controller, {
    snapshot: () => ({
      nodes: ['person:a', 'person:new-1', 'person:new-2'].map((id) => ({ data: { id } })),
      edges: [{ data: { id: 'rel:imported', source: 'person:a', target: 'person:new-1' } }],
    }),
  });
  const calls = stubApi({
    '/api/auth/me': { body: { user: { name: 'ed', role: 'editor' }, mode: 'login', via: 'session' } },
    '/api/sources': { body: { sources: [] } },
    '/api/changes': { body: { changes: [imported], nextBefore: null } },
    // After the revert: only the entity that was there before is left.
    '/api/subgraph': { body: { nodes: [node('person:a')], edges: [], missing: ['person:new-1', 'person:new-2'], redirects: {} } },
    [`/api/changes/${encodeURIComponent('change:9')}/revert`]: { status: 201, body: { ...imported, id: 'change:10', kind: 'revert', reverts: 'change:9', counts: null } },
  });
  renderWithProviders(<ReportingPanel canvas={canvas} onClose={() => {}} />);
  return { calls, controller };
}

describe('an import in the changes feed', () => {
  it('reads as an import with its whole summary, asks before undoing it, and the canvas drops what it brought', async () => {
    const { calls, controller } = setup();
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Changes' }));
    const entry = within(await screen.findByRole('list', { name: 'Recent changes' })).getByRole('listitem');
    expect(entry.textContent).toContain('Import · ed ·');
    expect(within(entry).getByText(summary)).toBeTruthy();

    await user.click(within(entry).getByRole('button', { name: `Undo import: ${summary}` }));
    const confirm = within(entry).getByRole('group', { name: 'Undo this import?' });
    expect(confirm.textContent).toContain('Undo this import: deletes the 184 nodes, 1,200 relationships and 9 quotes and records it created, and puts back the 3 elements it changed as they were.');
    await user.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(within(entry).queryByRole('group')).toBeNull();
    expect(calls.some((u) => u.pathname.endsWith('/revert'))).toBe(false);

    await user.click(within(entry).getByRole('button', { name: /^Undo import:/ }));
    await user.click(within(entry).getByRole('button', { name: 'Undo the import' }));
    await vi.waitFor(() => expect(controller.remove).toHaveBeenCalledWith(['person:new-1', 'person:new-2', 'rel:imported']));
    expect(calls.filter((u) => u.pathname.endsWith('/revert')).map((u) => decodeURIComponent(u.pathname))).toEqual(['/api/changes/change:9/revert']);
    expect(calls.find((u) => u.pathname === '/api/subgraph')).toBeTruthy();
  });

  it('says what an undo does in general for an import recorded without counts', () => {
    expect(importUndoText(null)).toBe('Undo this import: deletes everything it created and puts back what it changed.');
  });
});
