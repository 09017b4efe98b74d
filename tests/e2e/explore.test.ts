import { describe, expect, it } from 'vitest';
import { canvasNodeIds, modelPosition, pointOf, waitForCanvasNode, zoomTo } from '../support/canvas.js';
import { useE2eApp } from '../support/e2e-app.js';

const app = useE2eApp();

describe('a researcher on the canvas', () => {
  it('opens on the best-connected part of the graph, fitted to the canvas as it is once the timeline has filled in', async () => {
    // Centred vertically: the fit saw the canvas's final height (before, the timeline grew after the fit, and the
    // bottom of the graph sat against the canvas's edge).
    const centred = app.page.waitForFunction(() => {
      const cy = (window as unknown as { __threadlineCy?: { nodes(): { length: number }; animated(): boolean; elements(): { renderedBoundingBox(options: { includeLabels: boolean }): { y1: number; y2: number } } } }).__threadlineCy;
      const canvas = document.querySelector('[data-testid="graph-canvas"]');
      if (!cy || !canvas || cy.nodes().length < 40 || cy.animated()) return false;
      // Without labels, and within a tenth of the height: the opening view places names where they fit (above,
      // below, beside) after the fit, which moves the labels' box by a few pixels but never the nodes.
      const box = cy.elements().renderedBoundingBox({ includeLabels: false });
      const [top, bottom] = [box.y1, canvas.clientHeight - box.y2];
      return top > 20 && bottom > 20 && Math.abs(top - bottom) < canvas.clientHeight / 10;
    }, null, { timeout: 15_000 });
    await expect(centred).resolves.toBeTruthy();
  });

  it('starts from an empty canvas, finds Rubio and puts him on it', async () => {
    await app.page.getByRole('button', { name: 'Clear' }).click();
    expect(await canvasNodeIds(app.page)).toEqual([]);
    await app.page.getByRole('combobox', { name: 'Search the graph' }).fill('rubio');
    await app.page.getByRole('option', { name: /Marco Rubio/ }).click();
    await waitForCanvasNode(app.page, 'person:marco-rubio');
    expect(await canvasNodeIds(app.page)).toEqual(['person:marco-rubio']);
  });

  it('expands Rubio with a double-click and sees Bukele', async () => {
    const rubio = await pointOf(app.page, 'person:marco-rubio');
    await app.page.mouse.dblclick(rubio.x, rubio.y);
    await waitForCanvasNode(app.page, 'person:nayib-bukele');
    expect((await canvasNodeIds(app.page)).length).toBeGreaterThan(5);
    expect(await app.page.getByRole('status').filter({ hasText: 'Marco Rubio: showing' }).textContent()).toMatch(/showing \d+ of \d+ relationships/);
  });

  it('clicks the edge between them and reads its quote, highlighted in the source', async () => {
    await zoomTo(app.page, ['person:nayib-bukele', 'person:marco-rubio']);
    const edge = await pointOf(app.page, 'rel:bukele-told-rubio', 'edge');
    await app.page.mouse.click(edge.x, edge.y);
    const details = app.page.getByRole('complementary', { name: 'Details' });
    await details.getByText('Why this relationship exists').waitFor();
    expect(await details.locator('h2').textContent()).toBe('Nayib Bukele told Marco Rubio');
    expect(await details.locator('blockquote').first().textContent()).toContain('Salvadoran President Nayib Bukele told Rubio');
    await details.getByRole('button', { name: 'Read in source' }).first().click();
    const reader = app.page.getByRole('dialog', { name: 'Source text' });
    expect(await reader.locator('mark').textContent()).toContain('Nayib Bukele told Rubio');
    await app.page.keyboard.press('Escape');
    await reader.waitFor({ state: 'detached' });
  });

  it('finds the path from Rubio to López Larios and reads it out with evidence', async () => {
    await app.page.getByRole('button', { name: 'Fit' }).click();
    await app.page.waitForTimeout(400);
    const rubio = await pointOf(app.page, 'person:marco-rubio');
    await app.page.mouse.click(rubio.x, rubio.y, { button: 'right' });
    await app.page.getByRole('menuitem', { name: 'Path from here' }).click();
    await app.page.getByRole('combobox', { name: 'Search the graph' }).fill('lopez larios');
    await app.page.getByRole('option', { name: /César López Larios/ }).click();
    await waitForCanvasNode(app.page, 'person:cesar-lopez-larios');
    const larios = await pointOf(app.page, 'person:cesar-lopez-larios');
    await app.page.mouse.click(larios.x, larios.y, { button: 'right' });
    await app.page.getByRole('menuitem', { name: 'Path to here' }).click();
    const paths = app.page.getByRole('complementary', { name: 'Paths' });
    await paths.getByText(/Path 1 ·/).waitFor();
    const sentences = await paths.locator('.path-sentence').allTextContents();
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.join(' ')).toMatch(/Marco Rubio/);
    expect(sentences.join(' ')).toMatch(/César López Larios/);
    expect(await paths.locator('blockquote').count()).toBeGreaterThan(0);
    await paths.getByRole('button', { name: 'Close paths' }).click();
  });

  it('undoes and redoes a removal', async () => {
    const before = await canvasNodeIds(app.page);
    const rubio = await pointOf(app.page, 'person:marco-rubio');
    await app.page.mouse.click(rubio.x, rubio.y);
    await app.page.getByRole('button', { name: 'Remove', exact: true }).click();
    expect(await canvasNodeIds(app.page)).not.toContain('person:marco-rubio');
    await app.page.keyboard.press('Control+z');
    expect(await canvasNodeIds(app.page)).toEqual(before);
    await app.page.keyboard.press('Control+Shift+z');
    expect(await canvasNodeIds(app.page)).not.toContain('person:marco-rubio');
    await app.page.getByRole('button', { name: 'Undo' }).click();
    expect(await canvasNodeIds(app.page)).toEqual(before);
  });

  it('reopens the same view from its URL', async () => {
    const ids = await canvasNodeIds(app.page);
    const position = await modelPosition(app.page, 'person:nayib-bukele');
    await app.page.waitForFunction(() => window.location.hash.startsWith('#view='));
    await app.page.waitForTimeout(400);
    const url = app.page.url();
    const second = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await second.goto(url);
    await waitForCanvasNode(second, 'person:nayib-bukele');
    expect(await canvasNodeIds(second)).toEqual(ids);
    const restored = await modelPosition(second, 'person:nayib-bukele');
    expect(Math.abs(restored.x - position.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(restored.y - position.y)).toBeLessThanOrEqual(1);
    await second.close();
  });

  it('filters the canvas by brushing the timeline', async () => {
    const hiddenBefore = await app.page.evaluate(() => (window as unknown as { __threadlineCy: { $(s: string): { length: number } } }).__threadlineCy.$('.filtered').length);
    expect(hiddenBefore).toBe(0);
    const svg = (await app.page.getByRole('group', { name: 'Dated items' }).boundingBox())!;
    await app.page.mouse.move(svg.x + svg.width - 30, svg.y + 10);
    await app.page.mouse.down();
    await app.page.mouse.move(svg.x + svg.width - 2, svg.y + 60, { steps: 4 });
    await app.page.mouse.up();
    await app.page.getByRole('button', { name: 'Clear dates' }).waitFor();
    const hidden = await app.page.evaluate(() => (window as unknown as { __threadlineCy: { $(s: string): { length: number } } }).__threadlineCy.$('.filtered').length);
    expect(hidden).toBeGreaterThan(0);
    await app.page.getByRole('button', { name: 'Clear dates' }).click();
  });

  it('saves the view under a name, and opens it again after clearing the canvas', async () => {
    const ids = await canvasNodeIds(app.page);
    await app.page.getByRole('button', { name: 'Saved views' }).click();
    await app.page.getByRole('textbox', { name: 'View name' }).fill('Rubio and the deal');
    await app.page.getByRole('button', { name: 'Save', exact: true }).click();
    const entry = app.page.getByRole('button', { name: /^Rubio and the deal/ });
    await entry.waitFor();
    await app.page.getByRole('button', { name: 'Clear' }).click();
    expect(await canvasNodeIds(app.page)).toEqual([]);
    await entry.click();
    await waitForCanvasNode(app.page, 'person:marco-rubio');
    expect(await canvasNodeIds(app.page)).toEqual(ids);
  });
});
