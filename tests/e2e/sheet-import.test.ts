import { mkdirSync } from 'node:fs';
import { describe, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app.js';
import { DONATIONS_BAD_CSV } from '../support/sheet-api.js';

const app = useE2eApp();
/** SHEET_SHOTS=dir keeps screenshots of the mapping step at 1440×900, to look at. */
const shots = process.env.SHEET_SHOTS;

async function shot(name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await app.page.screenshot({ path: `${shots}/${name}.png` });
}

describe('importing a spreadsheet through the mapping step', () => {
  it('maps the columns, previews the rows with their problems, and imports the good ones', async () => {
    await app.page.getByRole('button', { name: 'Export…' }).click();
    await app.page.getByRole('dialog', { name: 'Export' }).getByLabel(/or a spreadsheet/).setInputFiles({ name: 'donations-bad.csv', mimeType: 'text/csv', buffer: DONATIONS_BAD_CSV });
    const step = app.page.getByRole('dialog', { name: 'Import donations-bad.csv' });
    await step.getByRole('table', { name: /7 columns, 6 rows/ }).waitFor();
    await shot('1-columns');

    await step.getByRole('button', { name: '+ Node mapping' }).click();
    const donor = step.getByRole('region', { name: 'Node mapping donor' });
    await donor.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'column “Donor type”' });
    await donor.getByRole('button', { name: '+ Property' }).click();
    await donor.getByRole('combobox', { name: 'Column', exact: true }).selectOption('City');
    await step.getByRole('button', { name: '+ Node mapping' }).click();
    const party = step.getByRole('region', { name: 'Node mapping donor-2' });
    await party.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Organization' });
    await party.getByRole('combobox', { name: 'Key column (identity)' }).selectOption('Party');
    await party.getByRole('combobox', { name: 'Name column' }).selectOption('Party');
    await step.getByRole('button', { name: '+ Relationship mapping' }).click();
    const edge = step.getByRole('region', { name: 'Relationship mapping 1' });
    await edge.getByRole('textbox', { name: 'Type name' }).fill('DONATED_TO');
    await edge.getByRole('button', { name: '+ Property' }).click();
    await edge.getByRole('combobox', { name: 'Column', exact: true }).selectOption('Amount (EUR)');
    await edge.getByRole('combobox', { name: 'Value type' }).selectOption('number');
    await step.getByText('column “Amount (EUR)”: "lots" is not a number').waitFor();
    await step.getByText('Frau Lina Dachner —DONATED_TO→ MLPD').waitFor();
    await shot('2-mapping-and-preview');

    await step.getByRole('checkbox', { name: /Leave out the \d+ bad rows/ }).check();
    await step.getByRole('button', { name: /^Import \d+ rows$/ }).click();
    await step.getByText(/^Imported 3 rows: 6 nodes added, 0 changed; 3 relationships added/).waitFor();
    await shot('3-imported');
  });
});
