/**
 * A four-step story about Rubio's call, published: downloaded from the editor as one HTML file, opened from disk
 * with every request blocked and stepped through with the keys; its print layout; the public embed in an iframe.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Story, StoryContent } from '../../shared/contract/index.js';
import { useE2eApp } from '../support/e2e-app.js';

const app = useE2eApp();
const SHOTS = path.resolve('test-results/stories-publish');
const FILE = path.join(tmpdir(), `threadline-story-${process.pid}.html`);

const RUBIO = 'person:marco-rubio';
const BUKELE = 'person:nayib-bukele';
const CALL = 'event:rubio-bukele-call-2025-03-13';
const DEAL = 'deal:cecot-access-for-ms13-leaders';
const EDGES = ['rel:rubio-participated-in-march-13-call', 'rel:bukele-participated-in-march-13-call', 'rel:cecot-deal-subject-of-march-13-call', 'rel:bukele-proposed-cecot-deal', 'rel:rubio-agreed-to-cecot-deal'];
const at = (x: number, y: number) => ({ x, y });

const story: StoryContent = {
  title: 'Rubio’s call',
  summary: 'How a phone call on March 13 traded informants for a prison.',
  public: true,
  elements: { nodes: [RUBIO, BUKELE, CALL, DEAL], edges: EDGES },
  steps: [
    { id: 'step-1', title: 'The Secretary of State', caption: '**Marco Rubio** took the call [^rel:rubio-participated-in-march-13-call].', highlighted: [RUBIO], camera: null, positions: { [RUBIO]: at(0, 0), [BUKELE]: at(400, 0), [CALL]: at(200, 120), [DEAL]: at(200, 300) } },
    { id: 'step-2', title: 'The President of El Salvador', caption: 'Nayib Bukele *proposed* the deal [^rel:bukele-proposed-cecot-deal]. <script>alert(1)</script>', highlighted: [BUKELE, 'rel:bukele-proposed-cecot-deal'], camera: null, positions: null },
    { id: 'step-3', title: 'The deal', caption: 'Rubio agreed [^rel:rubio-agreed-to-cecot-deal].\n\n- [trap](javascript:alert(1))', highlighted: ['rel:rubio-agreed-to-cecot-deal', DEAL], camera: { zoom: 1.4, center: at(100, 150), viewport: { width: 1000, height: 700 } }, positions: null },
    { id: 'step-4', title: 'On the call', caption: 'The deal was the subject of the call [^rel:cecot-deal-subject-of-march-13-call].', highlighted: [CALL, 'rel:cecot-deal-subject-of-march-13-call'], camera: null, positions: { [DEAL]: at(200, 260) } },
  ],
};

const highlighted = (page: Page) => page.evaluate(() => (window as unknown as { threadlineCy: { $(s: string): { map<T>(f: (e: { id(): string }) => T): T[] } } }).threadlineCy.$('.highlighted').map((e) => e.id()).sort());

describe('publishing a story', () => {
  let saved: Story;

  it('downloads the story from the editor as one file', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const created = await fetch(`${app.server.url}/api/stories`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(story) });
    saved = (await created.json()) as Story;
    expect(created.status).toBe(201);
    await app.page.getByRole('button', { name: 'Stories' }).click();
    const panel = app.page.getByRole('complementary', { name: 'Stories' });
    await panel.getByRole('button', { name: /^Rubio’s call/ }).click();
    const [download] = await Promise.all([app.page.waitForEvent('download'), panel.getByRole('link', { name: 'Download as HTML' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^threadline-rubios-call-\d{4}-\d{2}-\d{2}\.html$/);
    await download.saveAs(FILE);
    await panel.getByRole('button', { name: 'Embed' }).click();
    expect(await panel.getByRole('textbox', { name: 'Embed code' }).inputValue()).toContain(`/embed/stories/${encodeURIComponent(saved.id)}`);
  });

  it('opens from disk with every request blocked and steps through with the keys, then prints one step a page', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const requests: string[] = [];
    // Everything but the file itself is refused, and noted.
    await context.route('**', (route) => {
      if (route.request().url() === pathToFileURL(FILE).href) return route.continue();
      requests.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('dialog', (dialog) => errors.push(`dialog: ${dialog.message()}`));
    await page.goto(pathToFileURL(FILE).href);
    await page.locator('body[data-step="1"]').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Rubio’s call');
    expect(await highlighted(page)).toEqual([RUBIO]);
    await page.waitForTimeout(700);
    await page.screenshot({ path: `${SHOTS}/step-1.png` });

    const expected = [[BUKELE, 'rel:bukele-proposed-cecot-deal'], [DEAL, 'rel:rubio-agreed-to-cecot-deal'], [CALL, 'rel:cecot-deal-subject-of-march-13-call']];
    for (const [i, ids] of expected.entries()) {
      await page.keyboard.press('ArrowRight');
      await page.locator(`body[data-step="${i + 2}"]`).waitFor();
      expect(await page.locator('#progress').textContent()).toBe(`Step ${i + 2} of 4`);
      expect(await highlighted(page)).toEqual([...ids!].sort());
    }
    expect(await page.locator('#current').textContent()).toContain('The deal was the subject of the call');
    await page.waitForTimeout(700);
    await page.screenshot({ path: `${SHOTS}/step-4.png` });
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('body', 'data-step')).toBe('4');
    await page.keyboard.press('Home');
    await page.locator('body[data-step="1"]').waitFor();
    await page.getByRole('button', { name: 'Next →' }).click();
    await page.locator('body[data-step="2"]').waitFor();
    expect(await page.locator('#current .caption').textContent()).toContain('<script>alert(1)</script>');

    // Every step has its picture in the text reading; in print only that reading shows, one step a page.
    expect(await page.locator('#reading .picture img[src^="data:image/png"]').count()).toBe(4);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.stage').isVisible()).toBe(false);
    await page.screenshot({ path: `${SHOTS}/print.png`, fullPage: true });
    await page.pdf({ path: `${SHOTS}/print.pdf`, format: 'A4' });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('serves the public story as an embed that works inside an iframe', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const embed = `${app.server.url}/embed/stories/${encodeURIComponent(saved.id)}`;
    await page.route(`${app.server.url}/host`, (route) => route.fulfill({ contentType: 'text/html', body: `<h1>An article</h1><iframe src="${embed}" width="1000" height="640"></iframe>` }));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${app.server.url}/host`);
    const frame = page.frameLocator('iframe');
    await frame.locator('body[data-step="1"]').waitFor();
    await frame.getByRole('button', { name: 'Next →' }).click();
    await frame.locator('body[data-step="2"]').waitFor();
    await page.waitForTimeout(700);
    await page.screenshot({ path: `${SHOTS}/embed.png` });
    expect(requests).toEqual(['/host', `/embed/stories/${encodeURIComponent(saved.id)}`]);
    await page.close();
  });

  it('opens from disk in Firefox too', () => {
    const firefox = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((bin) => existsSync(bin));
    expect(firefox, 'firefox-esr is installed by .ci/run; install it with apt-get install -y firefox-esr').toBeDefined();
    const shot = `${SHOTS}/firefox.png`;
    execFileSync(firefox!, ['--headless', '--no-remote', '--profile', mkdtempProfile(), '--window-size', '1440,900', '--screenshot', shot, pathToFileURL(FILE).href], { timeout: 90_000, stdio: 'pipe', env: { ...process.env, MOZ_HEADLESS: '1' } });
    expect(statSync(shot).size).toBeGreaterThan(20_000);
  });
});

function mkdtempProfile(): string {
  const dir = path.join(tmpdir(), `threadline-firefox-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
