/** `npx tsx scripts/tour.ts URL OUT_DIR`: screenshots of the explorer's main states, for a look by eye. */
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.js';

const [url = 'http://127.0.0.1:3000', out = '.'] = process.argv.slice(2);

async function canvasPoint(page: Page, fn: string) {
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  const p = await page.evaluate(fn);
  const { x, y } = p as { x: number; y: number };
  return { x: box.x + x, y: box.y + y };
}

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.error('PAGE ERROR', e.stack));
  page.on('console', (m) => m.type() === 'error' && console.error('CONSOLE', m.text()));
  await page.goto(url);
  await page.waitForFunction(() => ((window as unknown as { __threadlineCy?: { nodes(): { length: number } } }).__threadlineCy?.nodes().length ?? 0) > 0);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/1-overview.png` });

  const rubio = await canvasPoint(page, `(() => __threadlineCy.getElementById('person:marco-rubio').renderedPosition())()`);
  await page.mouse.click(rubio.x, rubio.y);
  await page.getByRole('complementary', { name: 'Details' }).getByText('Relationships').waitFor();
  await page.screenshot({ path: `${out}/2-node-details.png` });

  // Close to the two ends, so that the edge's midpoint is not under another node.
  await page.evaluate(`__threadlineCy.fit(__threadlineCy.$id('person:marco-rubio').union(__threadlineCy.$id('deal:cecot-access-for-ms13-leaders')), 150)`);
  const edge = await canvasPoint(page, `(() => __threadlineCy.getElementById('rel:rubio-agreed-to-cecot-deal').renderedMidpoint())()`);
  await page.mouse.click(edge.x, edge.y);
  await page.getByText('Why this relationship exists').waitFor();
  await page.screenshot({ path: `${out}/3-edge-evidence.png` });

  await page.getByRole('button', { name: 'Read in source' }).first().click();
  await page.getByRole('dialog', { name: 'Source text' }).locator('mark').waitFor();
  await page.screenshot({ path: `${out}/4-source-reader.png` });
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Source text' }).waitFor({ state: 'detached' });

  const rubioNow = await canvasPoint(page, `(() => __threadlineCy.getElementById('person:marco-rubio').renderedPosition())()`);
  await page.mouse.click(rubioNow.x, rubioNow.y, { button: 'right' });
  await page.getByRole('menu', { name: 'Node actions' }).getByText(/Expand all/).waitFor();
  await page.screenshot({ path: `${out}/5-node-menu.png` });
  await page.getByRole('menuitem', { name: 'Path from here' }).click();
  await page.evaluate(`__threadlineCy.fit(__threadlineCy.$id('person:marco-rubio').union(__threadlineCy.$id('person:cesar-lopez-larios')), 150)`);
  const larios = await canvasPoint(page, `(() => __threadlineCy.getElementById('person:cesar-lopez-larios').renderedPosition())()`);
  await page.mouse.click(larios.x, larios.y, { button: 'right' });
  await page.getByRole('menuitem', { name: 'Path to here' }).click();
  await page.getByText(/Path 1 ·/).waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/6-paths.png` });
  console.log(`saved screenshots in ${out}`);
} finally {
  await browser.close();
}
