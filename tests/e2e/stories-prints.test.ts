/**
 * A story's steps as print pictures: Export steps in the editor gives one zip with a 2,400 px PNG (300 dpi) and an
 * SVG per step, each with the step's title, legend and sources, a node named like an HTML payload drawn as text.
 * And between steps the highlight fades rather than jumps, in present mode and in the published page, unless the
 * reader prefers reduced motion.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Story, StoryContent } from '../../shared/contract/index.js';
import { useE2eApp } from '../support/e2e-app.js';

const SHOTS = path.resolve('test-results/stories-prints');
const PAYLOAD = '<img src=x onerror=alert(1)>';
const RUBIO = 'person:marco-rubio';
const BUKELE = 'person:nayib-bukele';
const DEAL = 'deal:cecot-access-for-ms13-leaders';
const XSS = 'person:xss-payload';
const AGREED = 'rel:rubio-agreed-to-cecot-deal';
const PROPOSED = 'rel:bukele-proposed-cecot-deal';
const SOURCE_TITLE = 'Little Marco Double-Crosses U.S. Informants for Trump’s Prison Deal';
const at = (x: number, y: number) => ({ x, y });

const dialogs: string[] = [];
const app = useE2eApp({
  prepare: async (db) => {
    await db.driver.executeQuery(
      `MATCH (rubio:Entity {id: $rubio})
       CREATE (x:Entity:Person {id: $id, name: $name, evidence: []})
       CREATE (rubio)-[:MET_WITH {id: 'rel:xss-payload', evidence: [], confidence: 'alleged'}]->(x)`,
      { rubio: RUBIO, id: XSS, name: PAYLOAD },
    );
    await db.driver.executeQuery(`MATCH (s:Entity {id: 'source:daily-beast-rubio-bukele-informants'}) SET s.url = 'https://www.thedailybeast.com/little-marco', s.publishedAt = '2025-03-17'`);
  },
  watch: (page) => {
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  },
});

const story: StoryContent = {
  title: 'The deal, in print',
  summary: '',
  elements: { nodes: [RUBIO, BUKELE, DEAL, XSS], edges: [AGREED, PROPOSED, 'rel:xss-payload'] },
  steps: [
    { id: 'step-1', title: 'Who is in it', caption: '**Marco Rubio**, Nayib Bukele and someone called `<img>`.', highlighted: [], camera: null, positions: { [RUBIO]: at(0, 0), [BUKELE]: at(420, 0), [DEAL]: at(210, 240), [XSS]: at(-160, 200) } },
    { id: 'step-2', title: 'Bukele proposes', caption: 'Nayib Bukele *proposed* the deal [^rel:bukele-proposed-cecot-deal].', highlighted: [BUKELE, PROPOSED, DEAL], camera: null, positions: null },
    { id: 'step-3', title: 'Rubio agrees', caption: 'Rubio agreed [^rel:rubio-agreed-to-cecot-deal].', highlighted: [RUBIO, AGREED], camera: { zoom: 1.2, center: at(100, 120), viewport: { width: 1000, height: 700 } }, positions: null },
  ],
};

type Cy = { getElementById(id: string): { numericStyle(name: string): number } };

/** The element's opacity at every frame for 1.5 s after `act`: a fade has values between its two ends. */
async function opacities(page: Page, key: string, id: string, act: () => Promise<void>): Promise<number[]> {
  const samples = page.evaluate(
    ([cyKey, elementId]) =>
      new Promise<number[]>((resolve) => {
        const cy = (window as unknown as Record<string, Cy>)[cyKey!]!;
        const out: number[] = [];
        const start = performance.now();
        const tick = () => {
          out.push(cy.getElementById(elementId!).numericStyle('opacity'));
          if (performance.now() - start < 1500) requestAnimationFrame(tick);
          else resolve(out);
        };
        tick();
      }),
    [key, id] as const,
  );
  await act();
  return samples;
}
const between = (values: number[]) => values.filter((v) => v > 0.2 && v < 0.98);

describe('a story’s steps for print', () => {
  let saved: Story;

  it('exports every step as a 2,400 px PNG and an SVG with title, legend and sources, the payload as text', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const created = await fetch(`${app.server.url}/api/stories`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(story) });
    expect(created.status).toBe(201);
    saved = (await created.json()) as Story;
    await app.page.getByRole('button', { name: 'Stories' }).click();
    const panel = app.page.getByRole('complementary', { name: 'Stories' });
    await panel.getByRole('button', { name: /^The deal, in print/ }).click();
    await panel.getByRole('button', { name: 'Export steps' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Export steps' });
    expect(await dialog.getByRole('combobox', { name: /PNG width/ }).inputValue()).toBe('2400');
    const [download] = await Promise.all([app.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^threadline-the-deal-in-print-steps-\d{4}-\d{2}-\d{2}\.zip$/);
    await dialog.getByText(/^Saved .*3 steps/).waitFor();

    const file = path.join(tmpdir(), `threadline-steps-${process.pid}.zip`);
    await download.saveAs(file);
    const files = unzipSync(readFileSync(file));
    expect(Object.keys(files).sort()).toEqual(['01-who-is-in-it.png', '01-who-is-in-it.svg', '02-bukele-proposes.png', '02-bukele-proposes.svg', '03-rubio-agrees.png', '03-rubio-agrees.svg']);
    for (const [name, bytes] of Object.entries(files).filter(([n]) => n.endsWith('.png'))) {
      const png = Buffer.from(bytes);
      writeFileSync(path.join(SHOTS, name), png);
      expect(png.readUInt32BE(16), name).toBe(2400);
      expect(png.readUInt32BE(20), name).toBeGreaterThan(1600);
      expect([png.subarray(37, 41).toString('latin1'), png.readUInt32BE(41)]).toEqual(['pHYs', 11811]);
    }

    const read = (svg: string) =>
      app.page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return { error: doc.querySelector('parsererror')?.textContent ?? null, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent), injected: doc.querySelectorAll('img, script, foreignObject').length, root: doc.documentElement.nodeName };
      }, svg);
    const first = await read(new TextDecoder().decode(files['01-who-is-in-it.svg']));
    expect(first).toMatchObject({ error: null, injected: 0, root: 'svg' });
    expect(first.texts).toEqual(expect.arrayContaining(['The deal, in print · Step 1 of 3', 'Who is in it', 'Marco Rubio, Nayib Bukele and someone called <img>.', 'Person', 'Deal', 'Alleged', 'Sources']));
    // The payload's name, wrapped under its node as Cytoscape wraps it, is characters in <text>.
    expect(first.texts.join(' ')).toContain(PAYLOAD);
    const second = await read(new TextDecoder().decode(files['02-bukele-proposes.svg']));
    expect(second).toMatchObject({ error: null, injected: 0 });
    expect(second.texts).toEqual(expect.arrayContaining(['Bukele proposes', 'Nayib Bukele proposed the deal.', 'This step', 'Person', 'Deal', 'Stated as fact']));
    // The alleged meeting is out of this step's picture, and so out of its legend.
    expect(second.texts).not.toContain('Alleged');
    expect(second.texts.join(' ')).toContain(`${SOURCE_TITLE}. The Daily Beast, 2025-03-17. https://www.thedailybeast.com/little-marco`);
    expect(dialogs).toEqual([]);
  });

  it('fades the highlight between steps in present mode, and the camera moves', async () => {
    const panel = app.page.getByRole('complementary', { name: 'Stories' });
    await app.page.getByRole('dialog', { name: 'Export steps' }).getByRole('button', { name: 'Close export steps' }).click();
    await panel.getByRole('button', { name: 'Present' }).click();
    const present = app.page.getByRole('region', { name: 'Presenting The deal, in print' });
    await present.getByText('1 / 3').waitFor();
    await app.page.waitForTimeout(800);
    const zoom = () => app.page.evaluate(() => (window as unknown as { __threadlineCy: { zoom(): number } }).__threadlineCy.zoom());
    const before = await zoom();
    const faded = await opacities(app.page, '__threadlineCy', RUBIO, () => app.page.keyboard.press('ArrowRight'));
    expect(faded[0]).toBeCloseTo(1, 3);
    expect(between(faded).length).toBeGreaterThan(2);
    expect(faded.at(-1)).toBeCloseTo(0.18, 2);
    expect(await zoom()).not.toBeCloseTo(before, 2);
    await app.page.screenshot({ path: `${SHOTS}/present-step-2.png` });

    await app.page.emulateMedia({ reducedMotion: 'reduce' });
    const still = await opacities(app.page, '__threadlineCy', RUBIO, () => app.page.keyboard.press('ArrowRight'));
    expect(between(still)).toEqual([]);
    expect(still.at(-1)).toBe(1);
    await app.page.emulateMedia({ reducedMotion: 'no-preference' });
    await app.page.keyboard.press('Escape');
  });

  it('fades the highlight in the published page too, and not for a reader who prefers reduced motion', async () => {
    const html = await (await fetch(`${app.server.url}/api/stories/${encodeURIComponent(saved.id)}/export.html`)).text();
    const file = path.join(tmpdir(), `threadline-prints-${process.pid}.html`);
    writeFileSync(file, html);
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion });
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href);
      await page.locator('body[data-step="1"]').waitFor();
      const samples = await opacities(page, 'threadlineCy', RUBIO, () => page.keyboard.press('ArrowRight'));
      expect(samples.at(-1)).toBeCloseTo(0.18, 2);
      if (reducedMotion === 'reduce') expect(between(samples)).toEqual([]);
      else expect(between(samples).length).toBeGreaterThan(2);
      await context.close();
    }
  });
});
