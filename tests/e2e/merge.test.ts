/** Merging a duplicate in the browser: from the details panel, with its preview; then the old id's URL opens the new one. */
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../shared/text/base64url.js';
import { canvasNodeIds, waitForCanvasNode } from '../support/canvas.js';
import { useE2eApp } from '../support/e2e-app.js';

const DUP = 'person:n-bukele';
const BUKELE = 'person:nayib-bukele';
/** A view in the URL's encoding (app/graph/view-state.ts): the duplicate and Rubio, the duplicate selected. */
const VIEW = toBase64Url(JSON.stringify({ v: 1, n: [[DUP, 0, 0, 0], ['person:marco-rubio', 200, 0, 0]], s: [DUP] }));

const app = useE2eApp({
  open: false,
  prepare: (db) =>
    db.driver.executeQuery(
      `MATCH (r:Entity {id: 'person:marco-rubio'})
       CREATE (d:Entity:Person {id: $dup, name: 'N. Bukele', position: 'Salvadoran President'})-[:CALLED {id: 'rel:n-bukele-called-rubio', evidence: []}]->(r)`,
      { dup: DUP },
      { database: db.database },
    ),
});

describe('merge into…', () => {
  it('merges the duplicate into the entity that stays, and the old URL follows it', async () => {
    const { page } = app;
    await page.goto(`${app.server.url}/#view=${VIEW}`);
    await waitForCanvasNode(page, DUP);
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('button', { name: 'Merge into…' }).click();
    await details.getByLabel('Entity that stays').fill('Nayib Bukele');
    await details.getByRole('button', { name: /^Nayib Bukele Person/ }).first().click();
    await details.getByRole('list', { name: 'Relationships that move' }).getByText('called → Marco Rubio: moves').waitFor();
    await details.getByRole('radiogroup', { name: 'position' }).getByLabel(/President of El Salvador/).check();
    await page.screenshot({ path: 'test-results/merge-preview.png' });
    await details.getByRole('button', { name: 'Merge', exact: true }).click();

    await details.getByRole('heading', { name: 'Nayib Bukele' }).waitFor();
    await page.waitForFunction((id) => !(window as unknown as { __threadlineCy: { getElementById(i: string): { empty(): boolean } } }).__threadlineCy.getElementById(id).empty(), BUKELE);
    expect(await canvasNodeIds(page)).not.toContain(DUP);
    await page.waitForFunction(() => (window as unknown as { __threadlineCy: { getElementById(i: string): { empty(): boolean } } }).__threadlineCy.getElementById('rel:n-bukele-called-rubio').empty() === false);
    await page.screenshot({ path: 'test-results/merge-done.png' });

    await page.goto(`${app.server.url}/#view=${VIEW}`);
    await page.reload();
    await waitForCanvasNode(page, BUKELE);
    expect(await canvasNodeIds(page)).toEqual(['person:marco-rubio', BUKELE]);
    await page.waitForFunction((old) => !window.location.hash.includes(old), VIEW);
    await details.getByRole('heading', { name: 'Nayib Bukele' }).waitFor();
  });
});
