import { describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app.js';

const app = useE2eApp({ open: false });

const canvasNodeCount = () =>
  app.page.evaluate(() => (window as unknown as { __threadlineCy?: { nodes(): { length: number } } }).__threadlineCy?.nodes().length ?? 0);

describe('the explorer page', () => {
  it('draws the seed graph on the canvas', async () => {
    await app.page.goto(app.server.url);
    await app.page.waitForFunction(() => ((window as unknown as { __threadlineCy?: { nodes(): { length: number } } }).__threadlineCy?.nodes().length ?? 0) > 0);
    const seedNodes = (await app.db.driver.executeQuery('MATCH (n:Entity) RETURN count(n) AS n')).records[0]?.get('n');
    expect(await canvasNodeCount()).toBe(seedNodes);
    expect(await app.page.getByText(`${seedNodes} nodes`).count()).toBe(1);
  });

  it('finds Rubio from the search box and shows his details', async () => {
    await app.page.getByRole('combobox', { name: 'Search the graph' }).fill('Rubio');
    const hit = app.page.getByRole('option', { name: /Marco Rubio/ });
    await hit.waitFor();
    await hit.click();
    const details = app.page.getByRole('complementary', { name: 'Details' });
    await details.getByText('Secretary of State').first().waitFor();
    const selected = await app.page.evaluate(
      () => (window as unknown as { __threadlineCy: { $(s: string): { map(f: (e: { id(): string }) => string): string[] } } }).__threadlineCy.$(':selected').map((e) => e.id()),
    );
    expect(selected).toEqual(['person:marco-rubio']);
  });
});
