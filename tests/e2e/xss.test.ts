/**
 * Text from the graph is always shown as text: a node named like an HTML payload appears verbatim on the canvas,
 * in search hits and in the details panel, and nothing in it runs (no dialog, no injected element).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitForCanvasNode } from '../support/canvas.js';
import { useE2eApp } from '../support/e2e-app.js';

const PAYLOAD = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
const ID = 'person:xss-payload';

const dialogs: string[] = [];
const app = useE2eApp({
  prepare: (db) =>
    db.driver.executeQuery(
      `MATCH (rubio:Entity {id: 'person:marco-rubio'})
       CREATE (x:Entity:Person {id: $id, name: $name, description: $description, aliases: [$script], evidence: []})
       CREATE (rubio)-[:MET_WITH {id: 'rel:xss-payload', evidence: [], confidence: 'alleged'}]->(x)`,
      { id: ID, name: PAYLOAD, description: `${SCRIPT} and ${PAYLOAD}`, script: SCRIPT },
    ),
  watch: (page) => {
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  },
});

const injected = () => app.page.evaluate(() => document.querySelectorAll('img[src="x"], script:not([src])').length);

describe('a node named like an HTML payload', () => {
  it('shows verbatim in the search hits, the details panel and the canvas label, and runs nothing', async () => {
    await app.page.getByRole('combobox', { name: 'Search the graph' }).fill('onerror');
    const hit = app.page.getByRole('option', { name: /onerror/ });
    await hit.waitFor();
    expect(await hit.textContent()).toContain(PAYLOAD);
    await hit.click();

    await waitForCanvasNode(app.page, ID);
    const label = await app.page.evaluate((id) => (window as unknown as { __threadlineCy: { getElementById(i: string): { data(k: string): string } } }).__threadlineCy.getElementById(id).data('label'), ID);
    expect(label).toBe(PAYLOAD);

    const details = app.page.getByRole('complementary', { name: 'Details' });
    await details.getByText(PAYLOAD, { exact: false }).first().waitFor();
    expect(await details.textContent()).toContain(PAYLOAD);
    expect(await details.textContent()).toContain(SCRIPT);

    await app.page.waitForTimeout(500);
    expect(await injected()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('stays text in the exported files and the interactive HTML page', async () => {
    const exported = async (format: string) => {
      const response = await fetch(`${app.server.url}/api/export`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ format, ids: [ID, 'person:marco-rubio'] }) });
      expect(response.status, format).toBe(200);
      return response.text();
    };
    const graphml = await exported('graphml');
    expect(graphml).not.toContain(PAYLOAD);
    expect(graphml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(JSON.parse(await exported('json')).nodes.find((n: { id: string }) => n.id === ID).properties.name).toBe(PAYLOAD);

    const file = path.join(tmpdir(), `threadline-xss-${process.pid}.html`);
    writeFileSync(file, await exported('html'));
    const viewer = await app.browser.newPage();
    const viewerDialogs: string[] = [];
    viewer.on('dialog', (dialog) => {
      viewerDialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await viewer.goto(`file://${file}`);
    await viewer.waitForTimeout(1_000);
    expect(await viewer.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
    expect(viewerDialogs).toEqual([]);
    await viewer.close();
  });
});
