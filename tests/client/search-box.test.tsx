import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SearchBox } from '../../app/explore/search-box';
import { renderWithProviders, stubApi } from './render';

const rubio = { id: 'person:marco-rubio', labels: ['Entity', 'Person'], properties: { name: 'Marco Rubio', position: 'Secretary of State' } };

describe('SearchBox', () => {
  it('shows hits with kind and snippet, and hands the picked node over', async () => {
    const calls = stubApi({ '/api/search': { body: { hits: [{ node: rubio, score: 3, snippet: 'Secretary of State' }] } } });
    const onPick = vi.fn();
    renderWithProviders(<SearchBox onPick={onPick} />);

    await userEvent.type(screen.getByRole('combobox', { name: 'Search the graph' }), 'rubio');
    const option = await screen.findByRole('option', { name: /Marco Rubio/ });
    expect(option.textContent).toContain('Person');
    expect(option.textContent).toContain('Secretary of State');
    expect(calls.at(-1)?.searchParams.get('q')).toBe('rubio');

    await userEvent.click(option);
    expect(onPick).toHaveBeenCalledWith(rubio);
  });

  it('picks the highlighted hit with the keyboard', async () => {
    const bondi = { ...rubio, id: 'person:pam-bondi', properties: { name: 'Pam Bondi' } };
    stubApi({ '/api/search': { body: { hits: [{ node: rubio, score: 3, snippet: '' }, { node: bondi, score: 2, snippet: '' }] } } });
    const onPick = vi.fn();
    renderWithProviders(<SearchBox onPick={onPick} />);
    await userEvent.type(screen.getByRole('combobox'), 'a');
    await screen.findByRole('option', { name: /Pam Bondi/ });
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(onPick).toHaveBeenCalledWith(bondi);
  });

  it('says so when nothing matches, and when the search fails', async () => {
    stubApi({ '/api/search': (url) => (url.searchParams.get('q') === 'zzz' ? { body: { hits: [] } } : { status: 400, body: { error: { code: 'bad_request', message: 'Invalid request: query.q: too long', details: [] } } }) });
    renderWithProviders(<SearchBox onPick={() => {}} />);
    const input = screen.getByRole('combobox');
    await userEvent.type(input, 'zzz');
    expect(await screen.findByText('No match for “zzz”')).toBeTruthy();
    await userEvent.clear(input);
    await userEvent.type(input, 'bad');
    expect(await screen.findByText(/Search failed: Invalid request: query.q: too long/)).toBeTruthy();
  });
});
