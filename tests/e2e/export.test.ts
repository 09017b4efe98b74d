import { readFile } from 'node:fs/promises';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { pointOf, zoomTo } from '../support/canvas.js';
import { useE2eApp } from '../support/e2e-app.js';
import { postExport } from '../support/export-api.js';

const app = useE2eApp();

type Cy = {
  getElementById(id: string): { renderedPosition(): { x: number; y: number }; renderedMidpoint(): { x: number; y: number }; data(key: string): string; neighborhood(): { nodes(): { map<T>(f: (n: { id(): string }) => T): T[] } } };
  nodes(): { length: number };
};

describe('the interactive HTML export', () => {
  it('opens with the network off, draws the nodes, and a click shows the quote behind a relationship', async () => {
    const ids = ['person:marco-rubio', 'person:nayib-bukele', 'org:us-state-department'];
    const setUrl = (url: string | null) => app.db.driver.executeQuery("MATCH (s:Source {id: 'source:daily-beast-rubio-bukele-informants'}) SET s.url = $url", { url });
    await setUrl('https://example.org/daily-beast-article');
    const file = await postExport(`${app.server.url}/api`, { format: 'html', ids, options: { title: 'Rubio and Bukele' } });
    await setUrl(null);
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, offline: true });
    const offline = await context.newPage();
    const requests: string[] = [];
    offline.on('request', (request) => requests.push(request.url()));
    await offline.route('**/*', (route) => route.abort());
    await offline.setContent(file.text);
    await offline.waitForFunction(() => (window as unknown as { threadlineCy?: Cy }).threadlineCy?.nodes().length === 3);
    const at = (id: string, edge = false) =>
      offline.evaluate(
        ([elementId, isEdge]) => {
          const element = (window as unknown as { threadlineCy: Cy }).threadlineCy.getElementById(elementId as string);
          const p = isEdge ? element.renderedMidpoint() : element.renderedPosition();
          const box = document.getElementById('graph')!.getBoundingClientRect();
          return { x: box.left + p.x, y: box.top + p.y };
        },
        [id, edge] as const,
      );
    const rubio = await at('person:marco-rubio');
    await offline.mouse.click(rubio.x, rubio.y);
    expect(await offline.locator('#details h2').textContent()).toBe('Marco Rubio');
    const edge = await at('rel:bukele-told-rubio', true);
    await offline.mouse.click(edge.x, edge.y);
    expect(await offline.locator('#details h2').textContent()).toBe('Nayib Bukele told Marco Rubio');
    expect(await offline.locator('#details blockquote').first().textContent()).toContain('Salvadoran President Nayib Bukele told Rubio');
    expect(await offline.locator('#details .sources').textContent()).toContain('The Daily Beast');
    expect(await offline.locator('#details .sources a').getAttribute('href')).toBe('https://example.org/daily-beast-article');
    expect(requests.filter((url) => !url.startsWith('data:') && url !== 'about:blank')).toEqual([]);
    await context.close();
  });
});

describe('the Export dialog', () => {
  let names: string[] = [];

  async function exportAs(format: string): Promise<{ filename: string; bytes: Buffer }> {
    await app.page.getByLabel('Format').selectOption(format);
    const download = app.page.waitForEvent('download');
    await app.page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    await app.page.getByRole('dialog', { name: 'Export' }).getByText(/^Saved /).waitFor();
    return { filename: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
  }

  it('exports three nodes selected on the canvas (a click, then Shift-clicks) in every format', async () => {
    const ids = await app.page.evaluate(() => {
      const cy = (window as unknown as { __threadlineCy: Cy }).__threadlineCy;
      return ['person:marco-rubio', ...cy.getElementById('person:marco-rubio').neighborhood().nodes().map((n) => n.id()).slice(0, 2)];
    });
    await zoomTo(app.page, ids);
    for (const [i, id] of ids.entries()) {
      const point = await pointOf(app.page, id);
      if (i > 0) await app.page.keyboard.down('Shift');
      await app.page.mouse.click(point.x, point.y);
      await app.page.keyboard.up('Shift');
    }
    names = await app.page.evaluate((chosen) => chosen.map((id) => (window as unknown as { __threadlineCy: Cy }).__threadlineCy.getElementById(id).data('label')), ids);
    await app.page.getByRole('button', { name: 'Export…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Export' });
    expect(await dialog.getByLabel(/Selection \(3 nodes\)/).isChecked()).toBe(true);
    await dialog.getByLabel('Title').fill('Three nodes');

    const png = await exportAs('png');
    expect(png.filename).toMatch(/^threadline-three-nodes-[\d-]+\.png$/);
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(200);
    expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(100);

    const svg = await exportAs('svg');
    const text = svg.bytes.toString('utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const texts: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'text') texts.push(...[value].flat().map((t) => String((t as { '#text'?: unknown })['#text'] ?? t)));
          else walk(value);
        }
      }
    };
    walk(new XMLParser({ ignoreAttributes: true }).parse(text));
    const words = texts.join(' ');
    for (const name of names) expect(words, name).toContain(name.split(' ')[0]!);
    expect(words).toContain('Three nodes');
    expect(words).toContain('Sources');

    for (const [format, extension] of [['html', 'html'], ['json', 'json'], ['graphml', 'graphml'], ['gexf', 'gexf'], ['csv', 'zip'], ['cypher', 'cypher']] as const) {
      const file = await exportAs(format);
      expect(file.filename).toMatch(new RegExp(`^threadline-three-nodes-[\\d-]+\\.${extension}$`));
      expect(file.bytes.length, format).toBeGreaterThan(200);
      if (format === 'json') expect((JSON.parse(file.bytes.toString('utf8')) as { nodes: { id: string }[] }).nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
    }
  });

  it('previews an import ("0 to create, … to merge"), then imports it', async () => {
    const json = await exportAs('json');
    const dialog = app.page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('A Threadline JSON, GraphML or CSV zip file').setInputFiles({ name: json.filename, mimeType: 'application/json', buffer: json.bytes });
    await dialog.getByText(/: 0 to create, \d+ to merge/).waitFor();
    await dialog.getByRole('button', { name: /^Import \d+ nodes$/ }).click();
    await dialog.getByText(/^Imported: 0 created, \d+ merged/).waitFor();
  });
});
