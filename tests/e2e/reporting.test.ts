import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { canvasNodeIds } from '../support/canvas.js';
import { useE2eApp } from '../support/e2e-app.js';

const app = useE2eApp();

/** Test material written from the seed's facts, not a real article. */
const REPORT = [
  "TEST MATERIAL — not a real article; written for Threadline's end-to-end test.",
  'Ana Testwoman, a café owner in San Salvador, briefed Marco Rubio before the call.',
  'Marco Rubio spoke with Nayib Bukele by phone, officials told the Post.',
].join('\n\n');

const panel = () => app.page.getByRole('complementary', { name: 'Sources' });
const claimForm = () => panel().getByRole('form', { name: 'Claim from the quote' });

/** Selects words of the reader's text by dragging the mouse over them, as a reader does. */
async function dragOver(words: string) {
  const text = panel().locator('.reader-text');
  const { from, to } = await text.evaluate((root, quote) => {
    const start = root.textContent!.indexOf(quote);
    const end = start + quote.length;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const point = (offset: number): [Node, number] => {
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (offset < seen + node.textContent!.length) return [node, offset - seen];
        seen += node.textContent!.length;
      }
      throw new Error('offset outside the text');
    };
    const rect = (offset: number) => {
      walker.currentNode = root;
      const [node, at] = point(offset);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getBoundingClientRect();
    };
    const first = rect(start);
    const last = rect(end - 1);
    return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
  }, words);
  await app.page.mouse.move(from.x, from.y);
  await app.page.mouse.down();
  await app.page.mouse.move(to.x, to.y, { steps: 5 });
  await app.page.mouse.up();
  await claimForm().waitFor();
  expect(await claimForm().getByLabel('Quote').textContent()).toBe(`“${words}”`);
}

async function pickExisting(picker: string, name: string) {
  await claimForm().getByLabel(picker, { exact: true }).fill(name);
  await claimForm().getByRole('button', { name: new RegExp(`^${name} Person`) }).first().click();
}

async function submit(form: Locator) {
  await form.getByRole('button', { name: 'Add claim' }).click();
  const saved = panel().getByRole('status');
  const duplicates = form.getByRole('alert', { name: 'Possible duplicates' });
  await saved.or(duplicates).first().waitFor();
  if (await duplicates.isVisible()) {
    await duplicates.getByRole('button', { name: 'Create anyway' }).click();
    await saved.waitFor();
  }
  return saved;
}

describe('an editor reporting from a source', () => {
  it('adds a pasted report and reads it with the entities it mentions highlighted', async () => {
    await app.page.getByRole('button', { name: 'Sources', exact: true }).click();
    await panel().getByRole('button', { name: 'Add source' }).click();
    const form = panel().getByRole('form', { name: 'Add source' });
    await form.getByLabel('Title').fill('TEST MATERIAL: a briefing before the call');
    await form.getByLabel(/^Publisher/).fill('Threadline tests');
    await form.getByLabel('Text', { exact: true }).fill(REPORT);
    await form.getByRole('button', { name: 'Add source' }).click();
    await panel().getByText('Select a sentence').waitFor();
    // Entities already in the graph are highlighted in the text.
    await panel().locator('.reader-mention', { hasText: 'Marco Rubio' }).first().waitFor();
  });

  it('claims that a new person briefed an existing one, and the new person is put on the canvas', async () => {
    // A new person briefed an existing one.
    await dragOver('Ana Testwoman, a café owner in San Salvador, briefed Marco Rubio');
    await claimForm().getByLabel('Subject', { exact: true }).fill('Ana Testwoman');
    await claimForm().getByRole('button', { name: 'Create new Person “Ana Testwoman”' }).click();
    await claimForm().getByLabel('Relationship', { exact: true }).fill('briefed');
    await pickExisting('Object', 'Marco Rubio');
    await claimForm().getByLabel('Who says it').fill('the report');
    await claimForm().getByRole('radio', { name: /Stated as fact/ }).check();
    const saved = await submit(claimForm());
    expect(await saved.textContent()).toContain('Ana Testwoman');
    await expect.poll(async () => (await canvasNodeIds(app.page)).filter((id) => id.includes('ana-testwoman'))).toHaveLength(1);
  });

  it('claims that two existing people spoke, and shows the new edge with its quote in the details panel', async () => {
    // An existing person spoke with another; who says it and how sure are kept from the claim before.
    await dragOver('Marco Rubio spoke with Nayib Bukele by phone');
    expect(await claimForm().getByLabel('Who says it').inputValue()).toBe('the report');
    await pickExisting('Subject', 'Marco Rubio');
    await claimForm().getByLabel('Relationship', { exact: true }).fill('SPOKE_WITH');
    await pickExisting('Object', 'Nayib Bukele');
    await claimForm().getByLabel('Who says it').fill('officials told the Post');
    await claimForm().getByRole('radio', { name: /Unnamed source/ }).check();
    await submit(claimForm());

    // The new edge is on the canvas, and its quote in the details panel.
    await panel().getByRole('button', { name: 'Open in details' }).click();
    const details = app.page.getByRole('complementary', { name: 'Details' });
    await details.getByText('Why this relationship exists').waitFor();
    expect(await details.locator('h2').textContent()).toBe('Marco Rubio spoke with Nayib Bukele');
    expect(await details.locator('blockquote').first().textContent()).toContain('Marco Rubio spoke with Nayib Bukele by phone');

  });

  it('lists the changes newest first and reverts the last claim', async () => {
    await app.page.getByRole('button', { name: 'Sources', exact: true }).click();
    await panel().getByRole('tab', { name: 'Changes' }).click();
    const feed = panel().getByRole('list', { name: 'Recent changes' });
    const newest = feed.getByRole('listitem').first();
    expect(await newest.textContent()).toContain('Nayib Bukele');
    await newest.getByRole('button', { name: /^Revert/ }).click();
    await feed.getByRole('listitem').filter({ hasText: 'Reverted' }).first().waitFor();
    expect(await feed.getByRole('listitem').first().textContent()).toMatch(/^Revert/);
  });
});
