import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canvasNodeIds, pointOf, zoomTo } from '../support/canvas.js';
import { useE2eApp } from '../support/e2e-app.js';

const app = useE2eApp();
const SHOTS = 'test-results/stories';
// A step's highlight follows its camera move, which takes seconds on a busy machine (expect.poll waits 1 s by default).
const STEP_APPLIED = { timeout: 15_000 };

const panel = () => app.page.getByRole('complementary', { name: 'Stories' });
const highlighted = () =>
  app.page.evaluate(() => (window as unknown as { __threadlineCy: { $(s: string): { map<T>(f: (e: { id(): string }) => T): T[] } } }).__threadlineCy.$('.highlighted').map((e) => e.id()).sort());

/** Puts a node on the canvas and selects it, through the search box. */
async function pick(query: string, name: RegExp) {
  await app.page.getByRole('combobox', { name: 'Search the graph' }).fill(query);
  await app.page.getByRole('option', { name }).first().click();
}

async function caption(text: string) {
  await panel().getByRole('textbox', { name: /Caption/ }).fill(text);
}

describe('a journalist tells the story of the March 13 call', () => {
  it('builds a four-step story from the canvas, cites the deal, saves it and presents it with the arrow keys', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const before = await canvasNodeIds(app.page);
    await app.page.getByRole('button', { name: 'Stories' }).click();

    await pick('rubio', /Marco Rubio/);
    await panel().getByLabel('New story from this view').fill('Rubio’s call');
    await panel().getByRole('button', { name: 'Start' }).click();
    await panel().getByRole('list', { name: 'Steps' }).waitFor();
    await panel().getByLabel('Step title').fill('The Secretary of State');
    await caption('**Marco Rubio**, Secretary of State, took the call.');

    await pick('bukele', /Nayib Bukele/);
    await panel().getByRole('button', { name: 'Add step from this view' }).click();
    await panel().getByLabel('Step title').fill('The President of El Salvador');
    await caption('Nayib Bukele *proposed* the deal.');

    await zoomTo(app.page, ['rel:rubio-agreed-to-cecot-deal']);
    const edge = await pointOf(app.page, 'rel:rubio-agreed-to-cecot-deal', 'edge');
    await app.page.mouse.click(edge.x, edge.y);
    await panel().getByRole('button', { name: 'Add step from this view' }).click();
    await panel().getByLabel('Step title').fill('The deal');
    await caption('Rubio agreed [^rel:rubio-agreed-to-cecot-deal], <b>despite</b> the informants.\n\n- [the Post](https://www.washingtonpost.com/)\n- [trap](javascript:alert(1))');
    const preview = panel().getByTestId('caption-preview');
    await preview.getByRole('list', { name: 'Sources' }).locator('blockquote').first().waitFor();
    expect(await preview.textContent()).toContain('<b>despite</b>');
    expect(await preview.locator('a[href^="javascript"], b').count()).toBe(0);

    await pick('cecot', /CECOT/);
    await panel().getByRole('button', { name: 'Add step from this view' }).click();
    await panel().getByLabel('Step title').fill('Where it leads');
    // The last step is moved up one place with the keyboard, then back.
    await panel().getByRole('button', { name: /^4 Where it leads$/ }).focus();
    await app.page.keyboard.press('Alt+ArrowUp');
    await panel().getByText('Where it leads moved to position 3 of 4').waitFor();
    await app.page.keyboard.press('Alt+ArrowDown');

    await panel().getByRole('button', { name: 'Save' }).click();
    await panel().getByText(/^Version 2 by local/).waitFor();
    await app.page.screenshot({ path: `${SHOTS}/editor.png` });

    await panel().getByRole('button', { name: 'Present' }).click();
    const present = app.page.getByRole('region', { name: 'Presenting Rubio’s call' });
    await present.getByText('1 / 4').waitFor();
    await app.page.waitForFunction(() => (window as unknown as { __threadlineCy: { $(s: string): { length: number } } }).__threadlineCy.$('.highlighted').length > 0);
    await expect.poll(highlighted, STEP_APPLIED).toEqual(['person:marco-rubio']);
    await app.page.waitForTimeout(700);
    await app.page.screenshot({ path: `${SHOTS}/present-1.png` });

    await app.page.keyboard.press('ArrowRight');
    await present.getByText('2 / 4').waitFor();
    await expect.poll(highlighted, STEP_APPLIED).toEqual(['person:nayib-bukele']);
    await app.page.keyboard.press('ArrowRight');
    await present.getByText('3 / 4').waitFor();
    await expect.poll(highlighted, STEP_APPLIED).toEqual(['rel:rubio-agreed-to-cecot-deal']);
    await present.getByRole('list', { name: 'Sources' }).locator('blockquote').first().waitFor();
    await app.page.waitForTimeout(700);
    await app.page.screenshot({ path: `${SHOTS}/present-3.png` });
    await app.page.keyboard.press('ArrowRight');
    await present.getByText('4 / 4').waitFor();
    await expect.poll(async () => (await highlighted()).some((id) => id.includes('cecot'))).toBe(true);
    await app.page.keyboard.press('ArrowRight');
    await present.getByText('4 / 4').waitFor();
    await app.page.keyboard.press('ArrowLeft');
    await present.getByText('3 / 4').waitFor();

    await app.page.keyboard.press('Escape');
    await present.waitFor({ state: 'detached' });
    await expect.poll(highlighted, STEP_APPLIED).toEqual([]);
    expect(await canvasNodeIds(app.page)).toEqual(expect.arrayContaining(before));
  });
});
