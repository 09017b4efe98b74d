import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MergePreview } from '../../shared/contract';
import { MergeAction } from '../../app/reporting/merge-action';
import { renderWithProviders, stubApi } from './render';
import { apiError, bukeleMatch, fakeCanvas, recordBodies, written } from './reporting-fixtures';

const DUP = 'person:n-bukele';
const editor = { body: { user: { name: 'ed', role: 'editor' }, mode: 'logins', via: 'session' } };

const preview: MergePreview = {
  from: { id: DUP, labels: ['Entity', 'Person'], properties: { name: 'N. Bukele', position: 'Salvadoran President' } },
  into: { id: 'person:nayib-bukele', labels: ['Entity', 'Person'], properties: { name: 'Nayib Bukele', position: 'President of El Salvador' } },
  edges: [
    { id: 'rel:n-bukele-promised-marco-rubio', type: 'PROMISED', direction: 'out', other: { id: 'person:marco-rubio', name: 'Marco Rubio' }, action: 'move', keptId: null },
    { id: 'rel:n-bukele-party-to', type: 'PARTY_TO', direction: 'out', other: { id: 'deal:secret', name: 'the secret deals' }, action: 'unite', keptId: 'rel:bukele-party-to' },
  ],
  quotes: ['evidence:a', 'evidence:b'],
  aliases: ['Bukele', 'N. Bukele'],
  conflicts: [{ property: 'position', from: 'Salvadoran President', into: 'President of El Salvador' }],
};

describe('merge into…', () => {
  it('previews the merge, asks a choice for each conflict, merges and shows the entity that stays', async () => {
    stubApi({
      '/api/auth/me': editor,
      '/api/entities/match': { body: bukeleMatch },
      [`/api/nodes/${encodeURIComponent(DUP)}/merge-preview`]: (url) => (url.searchParams.get('into') === 'person:nayib-bukele' ? { body: preview } : apiError(404, 'not_found', 'no')),
      [`/api/nodes/${encodeURIComponent(DUP)}/merge`]: { body: { ...written, change: { ...written.change, kind: 'merge' } } },
    });
    const bodies = recordBodies();
    const canvas = fakeCanvas();
    canvas.controller.snapshot = () => ({ nodes: [{ data: { id: DUP }, position: { x: 3, y: 4 } }], edges: [] }) as unknown as ReturnType<typeof canvas.controller.snapshot>;
    renderWithProviders(<MergeAction nodeId={DUP} canvas={canvas} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Merge into…' }));
    await user.type(screen.getByLabelText('Entity that stays'), 'Bukele');
    await user.click(await screen.findByRole('button', { name: /Nayib Bukele/ }));

    const moves = await screen.findByRole('list', { name: 'Relationships that move' });
    expect(within(moves).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['promised → Marco Rubio: moves', 'party to → the secret deals: joins the same relationship']);
    expect(screen.getByText(/Aliases after: Bukele, N. Bukele/)).toBeTruthy();
    const merge = screen.getByRole('button', { name: 'Merge' });
    expect(merge).toHaveProperty('disabled', true);

    await user.click(within(screen.getByRole('radiogroup', { name: 'position' })).getByRole('radio', { name: /President of El Salvador/ }));
    await user.click(merge);
    expect(bodies).toEqual([{ method: 'POST', path: `/api/nodes/${encodeURIComponent(DUP)}/merge`, body: { into: 'person:nayib-bukele', choose: { position: 'into' } } }]);
    await screen.findByRole('button', { name: 'Merge into…' });
    expect(canvas.controller.add).toHaveBeenCalledWith(written.graph, { positions: { 'person:nayib-bukele': { x: 3, y: 4 } } });
    expect(canvas.controller.remove).toHaveBeenCalledWith([DUP]);
    expect(canvas.select).toHaveBeenCalledWith(['person:nayib-bukele']);
  });

  it('is not offered to readers', async () => {
    stubApi({ '/api/auth/me': { body: { user: { name: 'vic', role: 'viewer' }, mode: 'logins', via: 'session' } } });
    renderWithProviders(<MergeAction nodeId={DUP} canvas={fakeCanvas()} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: 'Merge into…' })).toBeNull();
  });
});
