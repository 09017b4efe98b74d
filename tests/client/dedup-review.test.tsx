import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DedupPair, DedupSide, JudgementInput } from '../../shared/contract';
import { DuplicatesPanel } from '../../app/dedup/duplicates-panel';
import { MergePreviewView } from '../../app/reporting/merge-preview-view';
import { renderWithProviders, stubApi } from './render';
import { written } from './reporting-fixtures';

const editor = { body: { user: { name: 'ed', role: 'editor' }, mode: 'logins', via: 'session' } };

const side = (id: string, kind: string, name: string, more: Partial<DedupSide> = {}): DedupSide => ({
  node: { id, labels: ['Entity', kind], properties: { name, country: ['de'], ftmId: id.slice(4) } },
  connections: ['payment (2)', 'with CDU'],
  datasets: ['donations'],
  quotes: 0,
  ...more,
});

function pair(a: DedupSide, b: DedupSide, score: number, reasons: string[], conflicts: DedupPair['merge']['conflicts'] = []): DedupPair {
  return { a, b, score, reasons, judgement: null, merge: { from: b.node, into: a.node, edges: [], quotes: [], aliases: [String(b.node.properties.name)], conflicts } };
}

const quandt = pair(side('ftm:2c42', 'Person', 'Johanna Quandt'), side('ftm:9e1b', 'Person', 'Frau Johanna Quandt'), 0.98, ['same name but titles, legal forms or spelling', 'same address']);
const verband = pair(
  side('ftm:98ec', 'Organization', 'Verband der Metall- und Elektroindustrie Baden-Württemberg e.V.'),
  side('ftm:a1b2', 'Company', 'Verband der Metallindustrie Baden-Württemberg'),
  0.69,
  ['some words differ', 'same address'],
  [{ property: 'kind', from: 'Company', into: 'Organization' }],
);

/** The API's candidates as a list that loses each pair judged same or different, and the judgements sent. */
function stubDedupApi(role = editor) {
  const open = [quandt, verband];
  const sent: JudgementInput[] = [];
  stubApi({
    '/api/auth/me': role,
    '/api/dedup/candidates': () => ({ body: { total: open.length, pairs: open, entities: 113, tookMs: 40 } }),
    '/api/dedup/judgements': (_url, init) => {
      const input = JSON.parse(String(init!.body)) as JudgementInput;
      sent.push(input);
      const at = open.findIndex((p) => p.a.node.id === input.a);
      if (input.judgement !== 'unsure') open.splice(at, 1);
      const merge = input.judgement === 'same' ? { ...written, change: { ...written.change, kind: 'merge' } } : null;
      return { status: 201, body: { judgement: { a: input.a, b: input.b, judgement: input.judgement, by: 'ed', at: '2026-12-01T00:00:00Z', change: merge && 'change:1' }, merge } };
    },
  });
  return sent;
}

function renderPanel(canWrite = true) {
  const onMerged = vi.fn();
  renderWithProviders(
    <DuplicatesPanel
      canWrite={canWrite}
      onClose={() => {}}
      renderMerge={(preview, choose, onChoose) => <MergePreviewView preview={preview} choose={choose} onChoose={onChoose} />}
      onMerged={onMerged}
    />,
  );
  return onMerged;
}

describe('the Duplicates panel', () => {
  it('shows a pair side by side with its score and reasons; D judges it different and brings the next pair', async () => {
    const sent = stubDedupApi();
    renderPanel();
    const user = userEvent.setup();
    const johanna = await screen.findByRole('region', { name: 'Johanna Quandt' });
    expect(within(johanna).getByText(/payment \(2\); with CDU/)).toBeTruthy();
    expect(within(johanna).getByText('dataset donations')).toBeTruthy();
    expect(within(johanna).getByText('stays')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Frau Johanna Quandt' })).toBeTruthy();
    expect(screen.getByText(/98%/).parentElement!.textContent).toBe('98% alike: same name but titles, legal forms or spelling, same address');
    expect(screen.getByText(/2 pairs to review/)).toBeTruthy();

    await user.keyboard('d');
    await screen.findByRole('region', { name: 'Verband der Metallindustrie Baden-Württemberg' });
    expect(sent).toEqual([{ a: 'ftm:2c42', b: 'ftm:9e1b', judgement: 'different', keep: 'ftm:2c42', choose: {} }]);
    expect(screen.getByText(/1 pair to review/)).toBeTruthy();
  });

  it('S asks a choice for each value that differs first, then merges and tells the canvas; U passes to the next pair', async () => {
    const sent = stubDedupApi();
    const onMerged = renderPanel();
    const user = userEvent.setup();
    await screen.findByRole('region', { name: 'Johanna Quandt' });
    await user.keyboard('u');
    await screen.findByRole('region', { name: 'Verband der Metallindustrie Baden-Württemberg' });
    expect(sent.map((s) => s.judgement)).toEqual(['unsure']);

    await user.keyboard('s');
    expect(screen.getByText('Choose a value for kind first.')).toBeTruthy();
    expect(sent).toHaveLength(1);
    await user.click(within(screen.getByRole('radiogroup', { name: 'kind' })).getByRole('radio', { name: /Organization/ }));
    await user.keyboard('s');
    await vi.waitFor(() => expect(onMerged).toHaveBeenCalledWith({ from: 'ftm:a1b2', into: 'ftm:98ec' }, expect.objectContaining({ change: expect.objectContaining({ kind: 'merge' }) })));
    expect(sent[1]).toEqual({ a: 'ftm:98ec', b: 'ftm:a1b2', judgement: 'same', keep: 'ftm:98ec', choose: { kind: 'into' } });
  });

  it('lets readers look but not judge: no buttons, and the keys do nothing', async () => {
    const sent = stubDedupApi({ body: { user: { name: 'vic', role: 'viewer' }, mode: 'logins', via: 'session' } });
    renderPanel(false);
    await screen.findByRole('region', { name: 'Johanna Quandt' });
    expect(screen.queryByRole('button', { name: 'Same' })).toBeNull();
    await userEvent.setup().keyboard('s');
    expect(sent).toEqual([]);
    expect(screen.getByText('Editors judge the pairs.')).toBeTruthy();
  });
});
