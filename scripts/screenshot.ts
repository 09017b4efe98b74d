/** `npx tsx scripts/screenshot.ts URL OUT.png [WIDTH HEIGHT]`: what a person sees, once the canvas has drawn. */
import { launchChromium } from '../tests/support/browser.js';

const [url = 'http://127.0.0.1:3000', out = 'screenshot.png', width = '1440', height = '900'] = process.argv.slice(2);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  await page.goto(url);
  await page.waitForFunction(() => ((window as unknown as { __threadlineCy?: { nodes(): { length: number } } }).__threadlineCy?.nodes().length ?? 0) > 0, null, { timeout: 30_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
