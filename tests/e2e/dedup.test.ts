/**
 * Resolving duplicates in the browser: an FtM import from the Export dialog, put on the canvas, its duplicates to
 * review, and undone from the feed; then the Duplicates panel after an import, judged with the keyboard.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { postImport } from '../support/export-api.js';
import { canvasNodeIds } from '../support/canvas.js';
import { useE2eApp } from '../support/e2e-app.js';

const app = useE2eApp();
const panel = () => app.page.getByRole('complementary', { name: 'Duplicates' });
const DONATIONS = readFileSync('tests/fixtures/ftm/donations.ijson');

describe('an import in the app', () => {
  it('shows what it brought, links its possible duplicates, and undoing it from the feed takes its nodes off the canvas', async () => {
    const { page } = app;
    // The opening view first: what the import adds, and its undo takes away, is counted against it.
    await expect.poll(async () => (await canvasNodeIds(page)).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const before = await canvasNodeIds(page);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.locator('input[type=file]').setInputFiles({ name: 'donations.ijson', mimeType: 'application/x-ndjson', buffer: DONATIONS });
    await dialog.getByRole('button', { name: /^Import \d+ nodes$/ }).click();
    await dialog.getByText(/^Imported: /).waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Show on canvas' }).click();
    await dialog.getByText('Added the 184 entities it brought to the canvas.').waitFor();
    expect((await canvasNodeIds(page)).length).toBe(before.length + 184);
    await dialog.getByText(/^\d+ possible duplicates — Review$/).waitFor();
    await page.screenshot({ path: 'test-results/import-result.png' });
    await dialog.getByRole('button', { name: 'Review' }).click();
    await panel().getByText('pairs to review', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Sources', exact: true }).click();
    const sources = page.getByRole('complementary', { name: 'Sources' });
    await sources.getByRole('tab', { name: 'Changes' }).click();
    const entry = sources.getByRole('list', { name: 'Recent changes' }).getByRole('listitem').filter({ hasText: 'Imported donations.ijson' });
    await entry.getByRole('button', { name: /^Undo import:/ }).click();
    await entry.getByText(/^Undo this import: deletes the 184 nodes, 393 relationships and 474 quotes and records it created\./).waitFor();
    await page.screenshot({ path: 'test-results/import-undo-confirm.png' });
    await entry.getByRole('button', { name: 'Undo the import' }).click();
    await entry.getByText('Reverted', { exact: true }).waitFor({ timeout: 60_000 });
    await expect.poll(() => canvasNodeIds(page), { timeout: 20_000 }).toEqual(before);
    await page.screenshot({ path: 'test-results/import-undone.png' });
    await page.reload();
  }, 240_000);
});

describe('the Duplicates panel', () => {
  it('shows the best pair side by side after an import; D judges it and the next pair comes up; S merges', async () => {
    const imported = await postImport(`${app.server.url}/api`, DONATIONS, '?filename=donations.ijson');
    expect(imported.status).toBe(200);
    const { page } = app;
    await page.getByRole('button', { name: 'Duplicates', exact: true }).click();
    await panel().getByRole('region', { name: 'Frau Johanna Quandt' }).waitFor();
    await panel().getByText('19 pairs to review', { exact: false }).waitFor();
    await page.screenshot({ path: 'test-results/dedup-pair.png' });

    await page.keyboard.press('d');
    await panel().getByRole('region', { name: 'Dr. Rath Health Programs B.V.' }).waitFor();
    await panel().getByText('18 pairs to review', { exact: false }).waitFor();
    await page.keyboard.press('s');
    await panel().getByText('17 pairs to review', { exact: false }).waitFor();
    await page.screenshot({ path: 'test-results/dedup-after-merge.png' });
    // An import and three rounds of candidates: slow on a busy machine.
  }, 240_000);
});
