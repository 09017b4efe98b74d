import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { EntityPicker, type EntityChoice } from '../../app/reporting/entity-picker';
import { renderWithProviders, stubApi } from './render';
import { rubioMatch } from './reporting-fixtures';

function Harness({ onPick }: { onPick: (choice: EntityChoice | null) => void }) {
  const [value, setValue] = useState<EntityChoice | null>(null);
  return (
    <EntityPicker
      label="Subject"
      value={value}
      onChange={(choice) => {
        setValue(choice);
        onPick(choice);
      }}
    />
  );
}

describe('entity picker', () => {
  it('ranks existing entities with why they matched and what they connect to, and picks one', async () => {
    const calls = stubApi({ '/api/entities/match': { body: rubioMatch } });
    const picked: (EntityChoice | null)[] = [];
    renderWithProviders(<Harness onPick={(c) => picked.push(c)} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Subject'), 'Rubio');

    const list = await screen.findByRole('list', { name: 'Subject: matching entities' });
    const options = await within(list).findAllByRole('button', { name: /Marco/ });
    expect(options.map((o) => o.querySelector('.entity-candidate-name')?.textContent)).toEqual(['Marco Rubio', 'Marco Antonio Rubio']);
    expect(within(options[0]!).getByText('same name')).toBeTruthy();
    expect(within(options[0]!).getByText('HOLDS_POSITION_IN State Department · Nayib Bukele')).toBeTruthy();
    expect(calls.at(-1)?.searchParams.get('name')).toBe('Rubio');

    await user.click(options[0]!);
    expect(picked.at(-1)).toEqual({ id: 'person:marco-rubio', name: 'Marco Rubio', kind: 'Person' });
    const chosen = screen.getByRole('group', { name: 'Subject' });
    expect(chosen.textContent).toContain('Marco Rubio');

    // Changing brings back the name typed, to pick again.
    await user.click(within(chosen).getByRole('button', { name: 'Change subject' }));
    expect(screen.getByLabelText<HTMLInputElement>('Subject').value).toBe('Rubio');
  });

  it('offers to create a new entity of a chosen kind', async () => {
    stubApi({ '/api/entities/match': { body: { candidates: [] } } });
    const picked: (EntityChoice | null)[] = [];
    renderWithProviders(<Harness onPick={(c) => picked.push(c)} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Subject'), 'Ministry of Tests');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind of the new subject' }), 'Organization');
    await user.click(screen.getByRole('button', { name: 'Create new Organization “Ministry of Tests”' }));
    expect(picked.at(-1)).toEqual({ new: { kind: 'Organization', name: 'Ministry of Tests' } });
    expect(screen.getByRole('group', { name: 'Subject' }).textContent).toContain('new Organization');
  });
});
