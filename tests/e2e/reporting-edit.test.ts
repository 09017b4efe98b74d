import { describe, expect, it } from 'vitest';
import { pointOf } from '../support/canvas.js';
import { useE2eApp } from '../support/e2e-app.js';

const app = useE2eApp();

const labelOf = (id: string) => app.page.evaluate((nodeId) => (window as unknown as { __threadlineCy: { getElementById(id: string): { data(k: string): string } } }).__threadlineCy.getElementById(nodeId).data('label'), id);

describe('editing an entity in its details', () => {
  it('renames a person with an editorial note: details, canvas and history follow; reverting from the history puts the name back', async () => {
    const rubio = await pointOf(app.page, 'person:marco-rubio');
    await app.page.mouse.click(rubio.x, rubio.y);
    const details = app.page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('button', { name: 'Edit name, aliases and properties' }).click();
    const form = details.getByRole('form', { name: 'Edit the entity' });
    await form.getByLabel('Name', { exact: true }).fill('Marco Antonio Rubio');
    await form.getByLabel('Editorial note').fill('his full name, as the State Department gives it');
    await app.page.screenshot({ path: 'test-results/edit-entity-form.png' });
    await form.getByRole('button', { name: 'Save' }).click();

    await details.locator('h2', { hasText: 'Marco Antonio Rubio' }).waitFor();
    expect(await labelOf('person:marco-rubio')).toBe('Marco Antonio Rubio');
    const history = details.getByRole('list', { name: 'History of Marco Antonio Rubio' });
    await history.getByText('edited Marco Antonio Rubio: name "Marco Rubio" → "Marco Antonio Rubio"; aliases "Little Marco" → "Little Marco", "Marco Rubio"').waitFor();
    await app.page.screenshot({ path: 'test-results/edit-entity-history.png' });

    await history.getByRole('button', { name: /^Revert: edited Marco Antonio Rubio/ }).click();
    await details.locator('h2', { hasText: /^Marco Rubio$/ }).waitFor();
    await app.page.waitForFunction(() => (window as unknown as { __threadlineCy: { getElementById(id: string): { data(k: string): string } } }).__threadlineCy.getElementById('person:marco-rubio').data('label') === 'Marco Rubio');
  });
});
