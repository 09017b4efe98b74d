/**
 * The journalist's whole loop in Chromium, one step after another on one graph: paste a second report on the story,
 * claim from its quotes (new and existing entities, a likely duplicate created anyway, a property), merge the
 * duplicate from the details panel, edit and revert, and read both sources behind the edges they share.
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBase64Url } from '../../shared/text/base64url.js';
import { canvasNodeIds, pointOf, waitForCanvasNode, zoomTo } from '../support/canvas.js';
import { useE2eApp } from '../support/e2e-app.js';

const app = useE2eApp();

/** Test material written from the facts of the seed article, not copied from any publication. */
const REPORT = [
  "TEST MATERIAL — not a real article; written for Threadline's end-to-end test from the facts of the seed story.",
  'Ana Testwoman, a café owner in San Salvador, briefed Marco Rubio before the call.',
  'Marco Rubio spoke with Nayib Bukele by phone, officials told the Post.',
  'In that call N. Bukele asked for nine MS-13 gang leaders held in the United States.',
  'Marco Rubio agreed to the CECOT deal, a State Department aide confirmed.',
  'Ana Testwoman runs Zephyr Testworks, a supplier to the prison.',
].join('\n\n');
const TITLE = 'TEST MATERIAL: a briefing before the call';
const SEED_TITLE = 'Little Marco Double-Crosses U.S. Informants for Trump’s Prison Deal';
const DUP = 'person:n-bukele';
const BUKELE = 'person:nayib-bukele';

type CyElement = { empty(): boolean; data(key: string): unknown };
const cyData = (id: string, key: string) =>
  app.page.evaluate(([elementId, k]) => (window as unknown as { __threadlineCy: { getElementById(i: string): CyElement } }).__threadlineCy.getElementById(elementId!).data(k!), [id, key] as const);
const waitUntilDrawn = (id: string, drawn = true) =>
  app.page.waitForFunction(
    ([elementId, want]) => (window as unknown as { __threadlineCy: { getElementById(i: string): CyElement } }).__threadlineCy.getElementById(elementId as string).empty() !== want,
    [id, drawn] as const,
  );

const panel = () => app.page.getByRole('complementary', { name: 'Sources' });
const details = () => app.page.getByRole('complementary', { name: 'Details' });
const claimForm = () => panel().getByRole('form', { name: 'Claim from the quote' });
const shot = (name: string) => app.page.screenshot({ path: `test-results/reporting-${name}.png` });

/** Selects words of the reader's text by dragging the mouse over them, as a reader does. */
async function dragOver(words: string) {
  const text = panel().locator('.reader-text');
  await text.getByText(words, { exact: false }).first().scrollIntoViewIfNeeded();
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

/** Types `typed` (by default the whole name) into the entity picker and picks the existing entity so named. */
async function pickExisting(picker: string, name: string, kind = 'Person', typed = name) {
  await claimForm().getByLabel(picker, { exact: true }).fill(typed);
  await claimForm().getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ${kind}`) }).first().click();
}

async function createNew(picker: string, name: string, kind = 'Person') {
  await claimForm().getByLabel(picker, { exact: true }).fill(name);
  await claimForm().getByLabel(`Kind of the new ${picker.toLowerCase()}`).selectOption(kind);
  await claimForm().getByRole('button', { name: `Create new ${kind} “${name}”` }).click();
}

/** Adds the claim; when the server warns of likely duplicates, answers with `onDuplicates` and returns its warning. */
async function submit(form: Locator, onDuplicates?: (warning: Locator) => Promise<void>) {
  await form.getByRole('button', { name: 'Add claim' }).click();
  const saved = panel().getByRole('status');
  const duplicates = form.getByRole('alert', { name: 'Possible duplicates' });
  await saved.or(duplicates).first().waitFor();
  if (await duplicates.isVisible()) {
    if (!onDuplicates) throw new Error(`unexpected duplicate warning: ${await duplicates.textContent()}`);
    await onDuplicates(duplicates);
    await saved.waitFor();
  }
  return saved;
}

/** Back to the test report's reader from another panel (the Sources panel may open on its library). */
async function reopenReport() {
  await app.page.getByRole('button', { name: 'Sources', exact: true }).click();
  const reader = panel().locator('.reader-text');
  await reader.or(panel().getByText(TITLE, { exact: true })).first().waitFor();
  if (!(await reader.isVisible())) await panel().getByText(TITLE, { exact: true }).first().click();
  await reader.waitFor();
}

/** The details panel shows this quote from the test report, and another from the seed article, behind one element. */
async function bothSourcesBehind(quote: string) {
  const quotes = details().locator('figure.evidence');
  await quotes.filter({ hasText: quote }).filter({ hasText: TITLE }).waitFor();
  await quotes.filter({ hasText: SEED_TITLE }).first().waitFor();
}

let started = 0;
beforeAll(() => {
  // A claim with a new relationship type first builds the type's id constraint: seconds on a busy shared machine.
  app.page.setDefaultTimeout(90_000);
  started = performance.now();
});
afterAll(() => {
  console.log(`the reporting loop took ${((performance.now() - started) / 1000).toFixed(1)} s in Chromium`);
});

describe('a journalist adds a second report on the story', { timeout: 180_000 }, () => {
  it('pastes the report and reads it with the entities it mentions highlighted', async () => {
    await app.page.getByRole('button', { name: 'Sources', exact: true }).click();
    await panel().getByRole('button', { name: 'Add source' }).click();
    const form = panel().getByRole('form', { name: 'Add source' });
    await form.getByLabel('Title').fill(TITLE);
    await form.getByLabel(/^Publisher/).fill('Threadline tests');
    await form.getByLabel('Text', { exact: true }).fill(REPORT);
    await shot('1-paste');
    await form.getByRole('button', { name: 'Add source' }).click();
    await panel().getByText('Select a sentence').waitFor();
    await panel().locator('.reader-mention', { hasText: 'Marco Rubio' }).first().waitFor();
    await shot('2-reader');
  });

  it('claims that a new person briefed an existing one, and the new person is put on the canvas', async () => {
    await dragOver('Ana Testwoman, a café owner in San Salvador, briefed Marco Rubio');
    await createNew('Subject', 'Ana Testwoman');
    await claimForm().getByLabel('Relationship', { exact: true }).fill('briefed');
    await pickExisting('Object', 'Marco Rubio');
    await claimForm().getByLabel('Who says it').fill('the report');
    await claimForm().getByRole('radio', { name: /Stated as fact/ }).check();
    await shot('3-claim-form');
    const saved = await submit(claimForm());
    expect(await saved.textContent()).toContain('Ana Testwoman');
    await expect.poll(async () => (await canvasNodeIds(app.page)).filter((id) => id.includes('ana-testwoman'))).toHaveLength(1);
  });

  it('claims that two existing people spoke, and shows the new edge with its quote in the details panel', async () => {
    await dragOver('Marco Rubio spoke with Nayib Bukele by phone');
    // Who says it and how sure are kept from the claim before.
    expect(await claimForm().getByLabel('Who says it').inputValue()).toBe('the report');
    await pickExisting('Subject', 'Marco Rubio');
    await claimForm().getByLabel('Relationship', { exact: true }).fill('SPOKE_WITH');
    await pickExisting('Object', 'Nayib Bukele');
    await claimForm().getByLabel('Who says it').fill('officials told the Post');
    await claimForm().getByRole('radio', { name: /Unnamed source/ }).check();
    await submit(claimForm());

    await panel().getByRole('button', { name: 'Open in details' }).click();
    await details().getByText('Why this relationship exists').waitFor();
    expect(await details().locator('h2').textContent()).toBe('Marco Rubio spoke with Nayib Bukele');
    expect(await details().locator('blockquote').first().textContent()).toContain('Marco Rubio spoke with Nayib Bukele by phone');
    await reopenReport();
  });

  it('creates "N. Bukele" only through the duplicate warning, with his demand', async () => {
    await dragOver('N. Bukele asked for nine MS-13 gang leaders held in the United States');
    await createNew('Subject', 'N. Bukele');
    await claimForm().getByLabel('Relationship', { exact: true }).fill('DEMANDED');
    await pickExisting('Object', 'Nine MS-13 gang leaders in U.S. custody', 'Group', 'nine MS-13 leaders');
    // Reopened from the library, the reader starts a fresh claim: who says it is asked again.
    await claimForm().getByLabel('Who says it').fill('the report');
    await claimForm().getByRole('radio', { name: /Stated as fact/ }).check();
    let warned = '';
    await submit(claimForm(), async (warning) => {
      await warning.getByRole('button', { name: /^Use Nayib Bukele/ }).waitFor();
      warned = (await warning.textContent()) ?? '';
      await shot('4-duplicate-warning');
      await warning.getByRole('button', { name: 'Create anyway' }).click();
    });
    expect(warned).toContain('Nayib Bukele');
    await waitForCanvasNode(app.page, DUP);
  });

  it('adds a quote to a relationship the seed already has, and one to a new organization, and a property', async () => {
    await dragOver('Marco Rubio agreed to the CECOT deal');
    await pickExisting('Subject', 'Marco Rubio');
    await claimForm().getByLabel('Relationship', { exact: true }).fill('AGREED_TO');
    await pickExisting('Object', 'Rubio–Bukele CECOT deal', 'Deal', 'CECOT deal');
    await claimForm().getByLabel('Who says it').fill('a State Department aide');
    await claimForm().getByRole('radio', { name: /Named source/ }).check();
    expect(await (await submit(claimForm())).textContent()).toContain('Marco Rubio agreed to');
    // The quote joined the seed's relationship: its details show both sources behind it.
    await panel().getByRole('button', { name: 'Open in details' }).click();
    await details().getByText('Why this relationship exists').waitFor();
    await bothSourcesBehind('Marco Rubio agreed to the CECOT deal');
    await shot('5-shared-edge');
    await reopenReport();

    await dragOver('Ana Testwoman runs Zephyr Testworks');
    await pickExisting('Subject', 'Ana Testwoman');
    await claimForm().getByLabel('Relationship', { exact: true }).fill('RUNS');
    await createNew('Object', 'Zephyr Testworks', 'Organization');
    await claimForm().getByLabel('Who says it').fill('the report');
    await claimForm().getByRole('radio', { name: /Stated as fact/ }).check();
    await submit(claimForm());
    await expect.poll(async () => (await canvasNodeIds(app.page)).filter((id) => id.includes('zephyr-testworks'))).toHaveLength(1);

    await dragOver('a café owner in San Salvador');
    await pickExisting('Subject', 'Ana Testwoman');
    await claimForm().getByRole('radio', { name: 'a property' }).check();
    await claimForm().getByLabel('Property', { exact: true }).fill('occupation');
    await claimForm().getByLabel('Value', { exact: true }).fill('café owner');
    expect(await (await submit(claimForm())).textContent()).toContain('occupation');
    await shot('6-claims-on-canvas');
  });

  it('merges the duplicate into the person that stays from the details panel, and its demand joins his', async () => {
    // The Sources panel covers part of the canvas: close it, and bring the two people into view.
    await panel().getByRole('button', { name: 'Close sources' }).click();
    await zoomTo(app.page, [DUP, 'person:nayib-bukele']);
    const dup = await pointOf(app.page, DUP);
    await app.page.mouse.click(dup.x, dup.y);
    await details().getByRole('button', { name: 'Merge into…' }).click();
    await details().getByLabel('Entity that stays').fill('Nayib Bukele');
    await details().getByRole('button', { name: /^Nayib Bukele Person/ }).first().click();
    await details().getByRole('list', { name: 'Relationships that move' }).getByText(/demanded → Nine MS-13 gang leaders/).waitFor();
    await shot('7-merge-preview');
    await details().getByRole('button', { name: 'Merge', exact: true }).click();
    await details().getByRole('heading', { name: 'Nayib Bukele' }).waitFor();
    await waitUntilDrawn(DUP, false);
    await waitUntilDrawn('rel:bukele-demanded-return-of-nine-leaders');

    await shot('8-merged');
  });

  it('shows both sources behind the relationship the merge united', async () => {
    const demanded = 'rel:bukele-demanded-return-of-nine-leaders';
    await zoomTo(app.page, [BUKELE, 'group:nine-ms13-leaders']);
    const heading = details().locator('h2', { hasText: 'Nayib Bukele demanded Nine MS-13 gang leaders' });
    // After the merge the canvas may still be placing what moved: as a person would, click again where it now is.
    for (let attempt = 1; ; attempt++) {
      const edge = await pointOf(app.page, demanded, 'edge');
      await app.page.mouse.click(edge.x, edge.y);
      const shown = await heading.waitFor({ timeout: 10_000 }).then(() => true, () => false);
      if (shown) break;
      if (attempt === 3) throw new Error(`clicking ${demanded} three times did not open its details`);
    }
    await bothSourcesBehind('N. Bukele asked for nine MS-13 gang leaders');
    await shot('9-merged-edge');
  });

  it('renames a person with an editorial note: details, canvas and history follow; reverting from the history puts the name back', async () => {
    await zoomTo(app.page, ['person:marco-rubio', 'person:nayib-bukele']);
    const rubio = await pointOf(app.page, 'person:marco-rubio');
    await app.page.mouse.click(rubio.x, rubio.y);
    await details().getByRole('button', { name: 'Edit name, aliases and properties' }).click();
    const form = details().getByRole('form', { name: 'Edit the entity' });
    await form.getByLabel('Name', { exact: true }).fill('Marco Antonio Rubio');
    await form.getByLabel('Editorial note').fill('his full name, as the State Department gives it');
    await shot('10-edit-entity');
    await form.getByRole('button', { name: 'Save' }).click();

    await details().locator('h2', { hasText: 'Marco Antonio Rubio' }).waitFor();
    expect(await cyData('person:marco-rubio', 'label')).toBe('Marco Antonio Rubio');
    const history = details().getByRole('list', { name: 'History of Marco Antonio Rubio' });
    await history.getByText('edited Marco Antonio Rubio: name "Marco Rubio" → "Marco Antonio Rubio"; aliases "Little Marco" → "Little Marco", "Marco Rubio"').waitFor();
    await history.getByRole('button', { name: /^Revert: edited Marco Antonio Rubio/ }).click();
    await details().locator('h2', { hasText: /^Marco Rubio$/ }).waitFor();
    await expect.poll(() => cyData('person:marco-rubio', 'label')).toBe('Marco Rubio');
  });

  it('reverts a claim from the feed of recent changes, and its edge leaves the canvas', async () => {
    await app.page.getByRole('button', { name: 'Sources', exact: true }).click();
    await panel().getByRole('tab', { name: 'Changes' }).click();
    const feed = panel().getByRole('list', { name: 'Recent changes' });
    const runs = feed.getByRole('listitem').filter({ hasText: 'Ana Testwoman runs Zephyr Testworks' });
    await runs.getByRole('button', { name: /^Revert/ }).click();
    await runs.getByText('Reverted', { exact: true }).waitFor();
    expect(await feed.getByRole('listitem').first().textContent()).toMatch(/^Revert/);
    await waitUntilDrawn('organization:zephyr-testworks', false);
    await shot('11-feed-reverted');
  });

  it('opens the merged id of a saved view as the person it went into', async () => {
    const view = toBase64Url(JSON.stringify({ v: 1, n: [[DUP, 0, 0, 0]], s: [DUP] }));
    await app.page.goto(`${app.server.url}/#view=${view}`);
    await app.page.reload();
    await waitForCanvasNode(app.page, BUKELE);
    expect(await canvasNodeIds(app.page)).toEqual([BUKELE]);
    await details().getByRole('heading', { name: 'Nayib Bukele' }).waitFor();
  });
});
