import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ReportingPanel } from '../../app/reporting/reporting-panel';
import type { SourceDetails, SourceVersionCreated } from '../../shared/contract';
import { renderWithProviders, stubApi } from './render';
import { apiError, fakeCanvas, recordBodies, source, TEXT } from './reporting-fixtures';

const me = (role: string) => ({ body: { user: { name: 'ed', role }, mode: 'login', via: 'session' } });
const path = `/api/sources/${encodeURIComponent(source.source.id)}`;
const CORRECTED = `${TEXT.replace('Café owners', 'Shop owners')} (corrected)`;
const [quote] = source.evidence;

const secondVersion = { version: 2, at: '2025-03-15T09:00:00Z', by: 'ed', note: 'the owners were shop owners' };
const afterCorrection: SourceDetails = {
  ...source,
  source: { ...source.source, version: 2 },
  version: 2,
  versions: [...source.versions, secondVersion],
  text: CORRECTED,
  evidence: [],
};
const firstVersion: SourceDetails = { ...afterCorrection, version: 1, text: TEXT, evidence: source.evidence.map((e) => ({ ...e, version: 1 })) };
const created: SourceVersionCreated = {
  change: { id: 'change:3', kind: 'new-version', by: 'ed', at: secondVersion.at, summary: 'corrected the text', note: secondVersion.note, targets: [source.source.id], revertedBy: null, reverts: null, counts: null },
  source: afterCorrection.source,
  moved: 0,
  stranded: [{ id: quote!.id, quote: quote!.quote, version: 1 }],
};

function setup(role: string) {
  let corrected = false;
  let posts = 0;
  const calls = stubApi({
    '/api/auth/me': me(role),
    '/api/sources': { body: { sources: [source.source] } },
    [path]: (url) => ({ body: !corrected ? source : url.searchParams.get('version') === '1' ? firstVersion : afterCorrection }),
    [`${path}/versions`]: () => {
      if (posts++ === 0) return apiError(409, 'conflict', 'body.content: is the same as version 1, the current text', [{ where: 'body.content', message: 'is the same as version 1, the current text' }]);
      corrected = true;
      return { status: 201, body: created };
    },
  });
  const bodies = recordBodies();
  renderWithProviders(<ReportingPanel canvas={fakeCanvas()} onClose={() => {}} />);
  return { calls, bodies };
}

const describedBy = (element: HTMLElement) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent;

describe('correcting a source text', () => {
  it('shows a refusal by the text, then reports the quotes moved and those left on the old version, which can be read', async () => {
    const { calls, bodies } = setup('editor');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Test report/ }));
    expect(screen.queryByLabelText('Text version')).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Correct text…' }));
    const form = screen.getByRole('form', { name: 'Correct the text' });
    await user.click(within(form).getByLabelText('Text'));
    await user.paste('TEST MATERIAL — the same text');
    await user.click(within(form).getByRole('button', { name: 'Save as new version' }));
    const text = within(form).getByLabelText<HTMLTextAreaElement>('Text');
    await within(form).findByText('is the same as version 1, the current text');
    expect(describedBy(text)).toBe('is the same as version 1, the current text');

    await user.clear(text);
    await user.paste('TEST MATERIAL — Shop owners');
    await user.click(within(form).getByLabelText(/^What was corrected/));
    await user.paste('the owners were shop owners');
    await user.click(within(form).getByRole('button', { name: 'Save as new version' }));
    const report = await screen.findByRole('status', { name: 'Correction saved' });
    expect(report.textContent).toContain('Version 2 saved: 0 quotes moved, 1 stays on version 1.');
    expect(within(report).getByRole('listitem').textContent).toBe('“Café owners in San Salvador”');
    expect(bodies.filter((b) => b.path === `${path}/versions`).map((b) => b.body)).toEqual([
      { content: 'TEST MATERIAL — the same text', format: 'text' },
      { content: 'TEST MATERIAL — Shop owners', format: 'text', note: 'the owners were shop owners' },
    ]);

    // The view now reads version 2; version 1 is one pick away, with the quote kept on it.
    const picker = await screen.findByLabelText<HTMLSelectElement>('Text version');
    expect([...picker.options].map((o) => o.textContent)).toEqual(['Version 2 (current) — 2025-03-15 · ed · the owners were shop owners', 'Version 1 — 2025-03-14 · ed']);
    await user.selectOptions(picker, '1');
    expect(await screen.findByText(/Version 1, an earlier text/)).toBeTruthy();
    expect(calls.some((u) => u.pathname === path && u.searchParams.get('version') === '1')).toBe(true);
    expect(screen.getByText('Café owners in San Salvador').className).toContain('reader-quote');
    expect(screen.queryByRole('button', { name: 'Correct text…' })).toBeNull();
  }, 15_000);

  it('offers no correction to analysts', async () => {
    setup('analyst');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Test report/ }));
    expect(await screen.findByText(/Underlined: quotes in use/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Correct text…' })).toBeNull();
  });
});
