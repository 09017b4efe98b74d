import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ensureStarterQueries } from '../../server/services/queries/starter-queries.js';
import { canvasNodeIds, waitForCanvasNode } from '../support/canvas.js';
import { useE2eApp } from '../support/e2e-app.js';
import { counts } from '../support/test-db.js';

const app = useE2eApp({ prepare: ensureStarterQueries });

const panel = () => app.page.getByRole('complementary', { name: 'Queries' });

describe('an analyst with the saved queries', () => {
  it('opens a starter query, fills its form with a node from the canvas, runs it and sees the path on the canvas and in the table', async () => {
    await app.page.getByRole('combobox', { name: 'Search the graph' }).fill('rubio');
    await app.page.getByRole('option', { name: /Marco Rubio/ }).click();
    await app.page.getByRole('button', { name: 'Queries' }).click();
    await panel().getByRole('button', { name: /Shortest path between two actors/ }).click();
    await panel().getByRole('button', { name: 'Use selected node for from' }).click();
    expect(await panel().getByLabel(/^from/).inputValue()).toBe('person:marco-rubio');
    await panel().getByLabel(/^to/).fill('person:cesar-lopez-larios');
    await panel().getByRole('button', { name: 'Run', exact: true }).click();
    await panel().getByRole('status').filter({ hasText: /^1 row/ }).waitFor();

    const table = panel().getByRole('table');
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['steps', 'via', 'hops', 'path']);
    expect(await table.getByRole('row').nth(1).textContent()).toContain('César López Larios');

    await panel().getByRole('group', { name: 'Open on canvas' }).getByRole('button', { name: 'Replace' }).click();
    await waitForCanvasNode(app.page, 'person:cesar-lopez-larios');
    const ids = await canvasNodeIds(app.page);
    expect(ids).toContain('person:marco-rubio');
    const hops = Number(await table.getByRole('row').nth(1).getByRole('cell').nth(2).textContent());
    expect(ids).toHaveLength(hops + 1);
  });

  it('exports the result table as CSV', async () => {
    const [download] = await Promise.all([app.page.waitForEvent('download'), panel().getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('shortest-path-between-two-actors.csv');
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('steps,via,hops,path');
    expect(lines[1]).toMatch(/^"\[""Marco Rubio"",.*""César López Larios""\]",/);
    expect(lines[1]).toContain('person:marco-rubio > ');
    expect(lines[2]).toBe('');
  });

  it('runs ad-hoc Cypher from the editor, and is refused a write with the reason', async () => {
    const before = await counts(app.db);
    await panel().getByRole('button', { name: '← All queries' }).click();
    await panel().getByRole('button', { name: 'New query' }).click();
    const editor = panel().getByRole('textbox', { name: 'Cypher' });
    await editor.click();
    await app.page.keyboard.type("MATCH (p:Person) WHERE p.name STARTS WITH 'Marco' RETURN p.name AS name");
    await app.page.keyboard.press('Escape');
    await app.page.keyboard.press('Control+Enter');
    await panel().getByRole('status').filter({ hasText: /^1 row/ }).waitFor();
    expect(await panel().getByRole('table').getByRole('cell').first().textContent()).toBe('Marco Rubio');

    await app.page.keyboard.press('Control+a');
    await app.page.keyboard.type("CREATE (x:Person {name: 'Mallory'}) RETURN x");
    await app.page.keyboard.press('Escape');
    await panel().getByRole('button', { name: 'Run', exact: true }).click();
    const alert = panel().getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('can only read the graph');
    expect(await counts(app.db)).toEqual(before);
  });
});
