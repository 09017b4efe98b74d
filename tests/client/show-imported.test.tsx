import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShowImported } from '../../app/reporting/show-imported';
import { renderWithProviders, stubApi } from './render';
import { apiError, fakeCanvas } from './reporting-fixtures';

const node = (id: string) => ({ id, labels: ['Entity', 'Person'], properties: { name: id } });
const entities = { nodes: [node('person:a'), node('person:b')], edges: [{ id: 'rel:ab', type: 'PAID', source: 'person:a', target: 'person:b', properties: {} }], total: 1234 };

afterEach(() => vi.unstubAllGlobals());

describe('showing what an import brought', () => {
  it('adds the first entities to the canvas, frames them, and says how many it left out', async () => {
    const calls = stubApi({ [`/api/changes/${encodeURIComponent('change:x')}/entities`]: { body: entities } });
    const { controller } = fakeCanvas();
    renderWithProviders(<ShowImported change="change:x" controller={controller} />);
    await userEvent.click(screen.getByRole('button', { name: 'Show on canvas' }));
    expect((await screen.findByRole('status')).textContent).toBe('Added 2 of the 1234 entities it brought to the canvas: search for the others.');
    expect(controller.add).toHaveBeenCalledWith({ nodes: entities.nodes, edges: entities.edges });
    expect(controller.fitView).toHaveBeenCalledWith(['person:a', 'person:b']);
    expect(calls.map((u) => u.searchParams.get('limit'))).toEqual(['200']);
  });

  it('says why when the server cannot list them', async () => {
    stubApi({ [`/api/changes/${encodeURIComponent('change:x')}/entities`]: apiError(404, 'not_found', 'No change with id change:x') });
    const { controller } = fakeCanvas();
    renderWithProviders(<ShowImported change="change:x" controller={controller} />);
    await userEvent.click(screen.getByRole('button', { name: 'Show on canvas' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not show them: No change with id change:x');
    expect(controller.add).not.toHaveBeenCalled();
  });
});
