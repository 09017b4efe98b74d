import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportSection } from '../../app/export/import-section';
import type { ImportSummary } from '../../shared/contract';
import { renderWithProviders } from './render';

const summary = (over: Partial<ImportSummary>): ImportSummary => ({
  format: 'ftm', written: false, nodes: { create: 7, merge: 0 }, edges: { create: 8, merge: 0 }, evidence: { create: 9, merge: 0 },
  changes: { nodes: { added: 7, changed: 0, unchanged: 0 }, edges: { added: 8, changed: 0, unchanged: 0 }, evidence: { added: 9, changed: 0, unchanged: 0 } },
  mergeIds: [], ms: 5, ...over,
});

/** The preview's reply, then the import's (each a streamed reply ending with its summary). */
function stubImport(written: ImportSummary) {
  const replies = [summary({}), written];
  vi.stubGlobal('fetch', async () => new Response(`${JSON.stringify({ type: 'summary', summary: replies.shift() })}\n`, { status: 200, headers: { 'content-type': 'application/x-ndjson' } }));
}

async function importFile(onReviewDuplicates?: () => void, showImported?: (change: string) => ReactNode) {
  const user = userEvent.setup();
  renderWithProviders(<ImportSection onReviewDuplicates={onReviewDuplicates} showImported={showImported} />);
  await user.upload(screen.getByLabelText(/FollowTheMoney entities/), new File(['{}\n'], 'donations.ijson'));
  await user.click(await screen.findByRole('button', { name: 'Import 7 nodes' }));
  await screen.findByText(/^Imported: /);
  return user;
}

afterEach(() => vi.unstubAllGlobals());

describe('possible duplicates after an import', () => {
  it('says how many the import brought, and Review opens the duplicates panel', async () => {
    stubImport(summary({ written: true, change: 'change:x', possibleDuplicates: 3 }));
    const review = vi.fn();
    const user = await importFile(review);
    expect(screen.getByText(/possible duplicates/).textContent).toBe('3 possible duplicates — Review');
    await user.click(screen.getByRole('button', { name: 'Review' }));
    expect(review).toHaveBeenCalledOnce();
  });

  it('says nothing of duplicates when there are none', async () => {
    stubImport(summary({ written: true, change: 'change:x', possibleDuplicates: 0 }));
    await importFile(vi.fn());
    expect(screen.queryByText(/possible duplicate/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Review' })).toBeNull();
  });
});

describe('what an import brought, on the canvas', () => {
  it('offers the slot for the written import\'s change instead of telling to search for the new nodes', async () => {
    stubImport(summary({ written: true, change: 'change:x', possibleDuplicates: 0 }));
    await importFile(undefined, (change) => <button type="button">Show {change}</button>);
    expect(screen.getByRole('button', { name: 'Show change:x' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).not.toContain('Search for the new nodes');
  });
});
