import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DetailsReporting } from '../../app/reporting/details-reporting';
import type { Evidence, NodeDetails } from '../../shared/contract';
import { renderWithProviders, stubApi } from './render';
import { apiError, fakeCanvas, recordBodies, written } from './reporting-fixtures';

const quote: Evidence = {
  id: 'evidence:t:1-2:fact',
  quote: 'The secretary of state made a secret agreement',
  start: 1,
  end: 2,
  attribution: 'the report',
  confidence: 'fact',
  version: null,
  claims: ['person:marco-rubio#position'],
  source: { id: 'source:t', name: 'Test report', publisher: null, hasText: true },
};
const opened: NodeDetails = {
  node: { id: 'person:marco-rubio', labels: ['Entity', 'Person'], properties: { name: 'Marco Rubio', aliases: ['Little Marco'], position: 'Secretary of State', country: 'United States', evidence: [quote.id] } },
  evidence: [quote],
  degree: [],
};
const theirs = { ...opened.node.properties, position: 'Acting Secretary of State' };
const NODE = '/api/nodes/person%3Amarco-rubio';
const stale = apiError(409, 'conflict', 'person:marco-rubio changed since you opened it', [
  { where: 'body.base.properties.position', message: 'is now "Acting Secretary of State", not "Secretary of State" as you saw it, changed by rui at 2025-03-14T10:00:00Z (change:9)' },
]);

function setup() {
  const patches: number[] = [];
  stubApi({
    '/api/auth/me': { body: { user: { name: 'ed', role: 'editor' }, mode: 'login', via: 'session' } },
    '/api/changes': { body: { changes: [], nextBefore: null } },
    [NODE]: (_url, init) => {
      if (init?.method !== 'PATCH') return { body: { ...opened, node: { ...opened.node, properties: theirs } } };
      patches.push(1);
      return patches.length === 1 ? stale : { body: { ...written, change: { ...written.change, kind: 'edit' }, graph: { nodes: [{ ...opened.node, properties: { ...theirs, position: 'Senator' } }], edges: [] } } };
    },
  });
  const bodies = recordBodies();
  const canvas = fakeCanvas();
  const reload = vi.fn();
  renderWithProviders(<DetailsReporting about={{ group: 'nodes', details: opened, reload }} canvas={canvas} />);
  return { bodies, canvas, reload };
}

async function typeAnEdit() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Edit name, aliases and properties' }));
  const form = screen.getByRole('form', { name: 'Edit the entity' });
  const position = within(form).getByRole('textbox', { name: 'Value of position' });
  await user.clear(position);
  await user.type(position, 'Senator');
  await user.type(within(form).getByRole('textbox', { name: 'Aliases (one a line)' }), '{enter}Marco');
  await user.type(within(form).getByRole('textbox', { name: 'Editorial note' }), 'his title in the Senate record');
  await user.click(within(form).getByRole('button', { name: 'Save' }));
  return { user, form, position };
}

describe('editing an entity', () => {
  it('sends only what changed, with the values it opened with as the base, and why', async () => {
    const { bodies } = setup();
    await typeAnEdit();
    await screen.findByRole('alert', { name: 'Changed since you opened it' });
    expect(bodies.find((b) => b.method === 'PATCH')!.body).toEqual({
      aliases: ['Little Marco', 'Marco'],
      properties: { position: 'Senator' },
      because: { editorial: 'his title in the Senate record' },
      base: { aliases: ['Little Marco'], properties: { position: 'Secretary of State' } },
    });
  });

  it('on 409 keeps everything typed, shows the field (yours, now theirs, by whom), and saves over with the new base', async () => {
    const { bodies, canvas, reload } = setup();
    const { user, form, position } = await typeAnEdit();
    const conflict = await screen.findByRole('alert', { name: 'Changed since you opened it' });
    expect(conflict.textContent).toContain('position: yours Senator · now Acting Secretary of State');
    expect(conflict.textContent).toContain('changed by rui at 2025-03-14T10:00:00Z');
    expect((position as HTMLInputElement).value).toBe('Senator');
    expect((within(form).getByRole('textbox', { name: 'Aliases (one a line)' }) as HTMLTextAreaElement).value).toBe('Little Marco\nMarco');
    expect((within(form).getByRole('textbox', { name: 'Editorial note' }) as HTMLTextAreaElement).value).toBe('his title in the Senate record');
    expect((within(form).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);

    await user.click(within(conflict).getByRole('button', { name: 'Save mine over theirs' }));
    await vi.waitFor(() => expect(reload).toHaveBeenCalled());
    const patches = bodies.filter((b) => b.method === 'PATCH');
    expect(patches[1]!.body).toMatchObject({ properties: { position: 'Senator' }, base: { properties: { position: 'Acting Secretary of State' } } });
    expect(canvas.controller.redraw).toHaveBeenCalledWith({ nodes: [expect.objectContaining({ id: 'person:marco-rubio' })], edges: [] });
    expect(screen.queryByRole('form', { name: 'Edit the entity' })).toBeNull();
  });

  it('takes theirs for a field: the field shows their value and is no longer part of the edit', async () => {
    const { bodies } = setup();
    const { user, form, position } = await typeAnEdit();
    const conflict = await screen.findByRole('alert', { name: 'Changed since you opened it' });
    await user.click(within(conflict).getByRole('button', { name: 'Take theirs (position)' }));
    expect((position as HTMLInputElement).value).toBe('Acting Secretary of State');
    expect(screen.queryByRole('alert', { name: 'Changed since you opened it' })).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(bodies.filter((b) => b.method === 'PATCH')).toHaveLength(2));
    expect(bodies.filter((b) => b.method === 'PATCH')[1]!.body).toEqual({
      aliases: ['Little Marco', 'Marco'],
      because: { editorial: 'his title in the Senate record' },
      base: { aliases: ['Little Marco'] },
    });
  });
});
