import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportSection } from '../../app/export/import-section';
import type { ImportEvent } from '../../shared/contract';
import { renderWithProviders, streamedReply } from './render';

const progress = (over: Partial<ImportEvent & { type: 'progress' }>): ImportEvent => ({ type: 'progress', phase: 'nodes', read: 3000, written: 2800, errors: 1, rate: 1500, done: 0.4, secondsLeft: 12, ...over });

/** A streamed import reply that sends `events`, then stays open until the request is aborted. */
function stubStreamedImport(events: ImportEvent[]) {
  const requests: { url: URL; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
    requests.push({ url: new URL(input, 'http://localhost'), init });
    return streamedReply(events, init.signal);
  });
  return requests;
}

afterEach(() => vi.unstubAllGlobals());

describe('import progress', () => {
  it('shows the bar and the figures as they stream in, and Cancel aborts the request', async () => {
    const requests = stubStreamedImport([progress({ phase: 'scan', read: 1000, written: 0, errors: 0, done: 0.05, secondsLeft: null }), progress({})]);
    const user = userEvent.setup();
    renderWithProviders(<ImportSection />);
    await user.click(screen.getByRole('checkbox', { name: /Leave out bad lines/ }));
    await user.upload(screen.getByLabelText(/FollowTheMoney entities/), new File(['{}\n'], 'big.ftm.jsonl'));

    const bar = await screen.findByRole('progressbar', { name: 'Import progress' });
    await vi.waitFor(() => expect(bar.getAttribute('value')).toBe('0.4'));
    expect(screen.getByText('nodes: 3,000 lines read, 2,800 rows written, 1 bad line, 1,500 lines/s, 40%, about 12 s left')).toBeTruthy();
    expect(requests[0]!.url.searchParams.get('skipBadRows')).toBe('true');
    expect(requests[0]!.url.searchParams.get('preview')).toBe('true');
    expect(new Headers(requests[0]!.init.headers).get('accept')).toBe('application/x-ndjson');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(requests[0]!.init.signal?.aborted).toBe(true);
    expect((await screen.findByRole('status')).textContent).toBe('Cancelled: nothing was written.');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('ends with the summary, listing the lines left out', async () => {
    const summary = {
      format: 'ftm' as const, written: false, nodes: { create: 7, merge: 0 }, edges: { create: 8, merge: 0 }, evidence: { create: 9, merge: 0 },
      changes: { nodes: { added: 7, changed: 0, unchanged: 0 }, edges: { added: 8, changed: 0, unchanged: 0 }, evidence: { added: 9, changed: 0, unchanged: 0 } },
      mergeIds: [], ms: 5, skipped: [{ line: 4, reason: 'not valid JSON' }],
    };
    stubStreamedImport([progress({}), { type: 'summary', summary }]);
    const user = userEvent.setup();
    renderWithProviders(<ImportSection />);
    await user.upload(screen.getByLabelText(/FollowTheMoney entities/), new File(['{}\n'], 'small.ftm.jsonl'));
    expect((await screen.findByText(/^small\.ftm\.jsonl: /)).textContent).toBe('small.ftm.jsonl: 15 to create, 0 to merge (nodes and relationships; 9 new quotes). 1 bad line left out: line 4 (not valid JSON).');
    expect(screen.getByRole('button', { name: 'Import 7 nodes' })).toBeTruthy();
  });
});
