import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/neo4j.js';
import { launchChromium } from '../support/browser.js';
import { canvasNodeIds, modelPosition, pointOf, waitForCanvasNode, zoomTo } from '../support/canvas.js';
import { startTestServer, type TestServer } from '../support/test-app.js';
import { resetToSeed, testDb } from '../support/test-db.js';

let db: Database;
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  db = testDb();
  await resetToSeed(db);
  server = await startTestServer(db, { withClient: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(server.url);
  await page.getByText('Loading the graph…').waitFor({ state: 'detached' });
});

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await page.screenshot({ path: `test-results/${context.task.name.replace(/\W+/g, '-')}.png` });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

describe('a researcher on the canvas', () => {
  it('starts from an empty canvas, finds Rubio and puts him on it', async () => {
    await page.getByRole('button', { name: 'Clear' }).click();
    expect(await canvasNodeIds(page)).toEqual([]);
    await page.getByRole('combobox', { name: 'Search the graph' }).fill('rubio');
    await page.getByRole('option', { name: /Marco Rubio/ }).click();
    await waitForCanvasNode(page, 'person:marco-rubio');
    expect(await canvasNodeIds(page)).toEqual(['person:marco-rubio']);
  });

  it('expands Rubio with a double-click and sees Bukele', async () => {
    const rubio = await pointOf(page, 'person:marco-rubio');
    await page.mouse.dblclick(rubio.x, rubio.y);
    await waitForCanvasNode(page, 'person:nayib-bukele');
    expect((await canvasNodeIds(page)).length).toBeGreaterThan(5);
    expect(await page.getByRole('status').filter({ hasText: 'Marco Rubio: showing' }).textContent()).toMatch(/showing \d+ of \d+ relationships/);
  });

  it('clicks the edge between them and reads its quote, highlighted in the source', async () => {
    await zoomTo(page, ['person:nayib-bukele', 'person:marco-rubio']);
    const edge = await pointOf(page, 'rel:bukele-told-rubio', 'edge');
    await page.mouse.click(edge.x, edge.y);
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByText('Why this relationship exists').waitFor();
    expect(await details.locator('h2').textContent()).toBe('Nayib Bukele told Marco Rubio');
    expect(await details.locator('blockquote').first().textContent()).toContain('Salvadoran President Nayib Bukele told Rubio');
    await details.getByRole('button', { name: 'Read in source' }).first().click();
    const reader = page.getByRole('dialog', { name: 'Source text' });
    expect(await reader.locator('mark').textContent()).toContain('Nayib Bukele told Rubio');
    await page.keyboard.press('Escape');
    await reader.waitFor({ state: 'detached' });
  });

  it('finds the path from Rubio to López Larios and reads it out with evidence', async () => {
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.waitForTimeout(400);
    const rubio = await pointOf(page, 'person:marco-rubio');
    await page.mouse.click(rubio.x, rubio.y, { button: 'right' });
    await page.getByRole('menuitem', { name: 'Path from here' }).click();
    await page.getByRole('combobox', { name: 'Search the graph' }).fill('lopez larios');
    await page.getByRole('option', { name: /César López Larios/ }).click();
    await waitForCanvasNode(page, 'person:cesar-lopez-larios');
    const larios = await pointOf(page, 'person:cesar-lopez-larios');
    await page.mouse.click(larios.x, larios.y, { button: 'right' });
    await page.getByRole('menuitem', { name: 'Path to here' }).click();
    const paths = page.getByRole('complementary', { name: 'Paths' });
    await paths.getByText(/Path 1 ·/).waitFor();
    const sentences = await paths.locator('.path-sentence').allTextContents();
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.join(' ')).toMatch(/Marco Rubio/);
    expect(sentences.join(' ')).toMatch(/César López Larios/);
    expect(await paths.locator('blockquote').count()).toBeGreaterThan(0);
    await paths.getByRole('button', { name: 'Close paths' }).click();
  });

  it('undoes and redoes a removal', async () => {
    const before = await canvasNodeIds(page);
    const rubio = await pointOf(page, 'person:marco-rubio');
    await page.mouse.click(rubio.x, rubio.y);
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    expect(await canvasNodeIds(page)).not.toContain('person:marco-rubio');
    await page.keyboard.press('Control+z');
    expect(await canvasNodeIds(page)).toEqual(before);
    await page.keyboard.press('Control+Shift+z');
    expect(await canvasNodeIds(page)).not.toContain('person:marco-rubio');
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await canvasNodeIds(page)).toEqual(before);
  });

  it('reopens the same view from its URL', async () => {
    const ids = await canvasNodeIds(page);
    const position = await modelPosition(page, 'person:nayib-bukele');
    await page.waitForFunction(() => window.location.hash.startsWith('#view='));
    await page.waitForTimeout(400);
    const url = page.url();
    const second = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await second.goto(url);
    await waitForCanvasNode(second, 'person:nayib-bukele');
    expect(await canvasNodeIds(second)).toEqual(ids);
    const restored = await modelPosition(second, 'person:nayib-bukele');
    expect(Math.abs(restored.x - position.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(restored.y - position.y)).toBeLessThanOrEqual(1);
    await second.close();
  });

  it('filters the canvas by brushing the timeline', async () => {
    const hiddenBefore = await page.evaluate(() => (window as unknown as { __threadlineCy: { $(s: string): { length: number } } }).__threadlineCy.$('.filtered').length);
    expect(hiddenBefore).toBe(0);
    const svg = (await page.getByRole('group', { name: 'Dated items' }).boundingBox())!;
    await page.mouse.move(svg.x + svg.width - 30, svg.y + 10);
    await page.mouse.down();
    await page.mouse.move(svg.x + svg.width - 2, svg.y + 60, { steps: 4 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Clear dates' }).waitFor();
    const hidden = await page.evaluate(() => (window as unknown as { __threadlineCy: { $(s: string): { length: number } } }).__threadlineCy.$('.filtered').length);
    expect(hidden).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Clear dates' }).click();
  });

  it('saves the view under a name, and opens it again after clearing the canvas', async () => {
    const ids = await canvasNodeIds(page);
    await page.getByRole('button', { name: 'Saved views' }).click();
    await page.getByRole('textbox', { name: 'View name' }).fill('Rubio and the deal');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const entry = page.getByRole('button', { name: /^Rubio and the deal/ });
    await entry.waitFor();
    await page.getByRole('button', { name: 'Clear' }).click();
    expect(await canvasNodeIds(page)).toEqual([]);
    await entry.click();
    await waitForCanvasNode(page, 'person:marco-rubio');
    expect(await canvasNodeIds(page)).toEqual(ids);
  });
});
