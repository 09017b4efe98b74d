/** Resolving duplicates in the browser: the Duplicates panel after an FtM import, judged with the keyboard. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { postImport } from '../support/export-api.js';
import { useE2eApp } from '../support/e2e-app.js';

const app = useE2eApp();
const panel = () => app.page.getByRole('complementary', { name: 'Duplicates' });

describe('the Duplicates panel', () => {
  it('shows the best pair side by side after an import; D judges it and the next pair comes up; S merges', async () => {
    const imported = await postImport(`${app.server.url}/api`, readFileSync('tests/fixtures/ftm/donations.ijson', 'utf8'), '?filename=donations.ijson');
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
