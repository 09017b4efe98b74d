/**
 * A view above COMMUNITY_VIEW_NODES nodes, drawn by the explorer's GraphCanvas and CanvasController on the canvas
 * bench page (a synthetic view, bench/client-graph.ts): it starts as communities, named after their best-connected
 * member, and a double-click on one opens it in place, its members drawn where it was.
 */
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMUNITY_VIEW_NODES } from '../../app/graph/canvas-controller.js';
import { launchBenchBrowser, serveBenchPage } from '../../bench/client-fps.js';
import { pointOf } from '../support/canvas.js';

interface Box { x1: number; x2: number; y1: number; y2: number }
interface Drawn {
  nodes: string[];
  /** `disc` and `name`: where the community and its name are drawn on screen; `fontPx`: its name's size there. */
  communities: { id: string; label: string; members: number; clear: boolean; disc: Box; name: Box; nameShown: boolean; fontPx: number }[];
  aggregates: number;
  /** On screen, what the nodes that are not communities cover together (an opened community's members). */
  others: Box | null;
}

/** What the canvas draws; `clear`: no other node is drawn over the community's centre (a click there hits it). */
function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    type Node = {
      id(): string; data(k: string): unknown; position(): { x: number; y: number }; boundingBox(): Box; renderedBoundingBox(o: object): Box;
      renderedStyle(k: string): string; hasClass(c: string): boolean;
    };
    const cy = (window as unknown as { __threadlineCy: { nodes(s?: string): Node[]; edges(s: string): { length: number } } }).__threadlineCy;
    const all = [...cy.nodes()];
    const over = (n: Node) => {
      const p = n.position();
      return all.some((o) => o !== n && (({ x1, x2, y1, y2 }) => p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2)(o.boundingBox()));
    };
    const only = (labels: boolean) => ({ includeLabels: labels, includeNodes: !labels, includeEdges: false, includeOverlays: false });
    const members = all.filter((n) => n.data('kind') !== 'community').map((n) => n.renderedBoundingBox(only(false)));
    return {
      nodes: all.map((n) => n.id()),
      communities: [...cy.nodes('[kind = "community"]')].map((n) => ({
        id: n.id(), label: String(n.data('label')), members: Number(n.data('members')), clear: !over(n),
        disc: n.renderedBoundingBox(only(false)), name: n.renderedBoundingBox(only(true)), nameShown: !n.hasClass('label-hidden'), fontPx: parseFloat(n.renderedStyle('font-size')),
      })),
      aggregates: cy.edges('[type = "aggregate"]').length,
      others: members.length === 0 ? null : {
        x1: Math.min(...members.map((b) => b.x1)), x2: Math.max(...members.map((b) => b.x2)), y1: Math.min(...members.map((b) => b.y1)), y2: Math.max(...members.map((b) => b.y2)),
      },
    };
  });
}

const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
/** The pairs of `boxes` that overlap, by index. */
const overlapping = (boxes: Box[]) => boxes.flatMap((a, i) => boxes.slice(i + 1).flatMap((b, j) => (overlap(a, b) ? [[i, i + 1 + j]] : [])));

/** Once the names have been fitted to the opening view (label-fit.ts, just after the view's fit). */
function namesFitted(page: Page) {
  return page.waitForFunction(() => {
    const cy = (window as unknown as { __threadlineCy: { nodes(s: string): { renderedStyle(k: string): string }[] } }).__threadlineCy;
    return [...cy.nodes('[kind = "community"]')].every((n) => parseFloat(n.renderedStyle('font-size')) >= 11);
  }, undefined, { timeout: 10_000 });
}

describe('a view above the community threshold', () => {
  it('starts as communities, and a double-click opens one in place of its node', async () => {
    const served = await serveBenchPage(11, false);
    const browser = await launchBenchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      // A quarter of a synthetic view's elements are nodes.
      const nodes = COMMUNITY_VIEW_NODES + 1000;
      await page.goto(`${served.url}/?elements=${nodes * 4}&renderer=canvas`);
      await page.waitForFunction(() => (window as unknown as { __bench?: { drawnAtMs?: number } }).__bench?.drawnAtMs !== undefined, undefined, { timeout: 120_000 });

      await namesFitted(page);
      const before = await drawn(page);
      expect(before.communities.length).toBeGreaterThan(3);
      // The nodes left alone are gathered into one community: only communities are drawn.
      expect(before.nodes.length).toBe(before.communities.length);
      expect(before.aggregates).toBeGreaterThan(0);
      for (const c of before.communities) expect(c.label).toMatch(c.id === 'community:(alone)' ? new RegExp(`^${c.members} nodes in no community$`) : new RegExp(`^.+ and ${c.members - 1} others?$`));
      // Readable at first sight: every name shown, at 11 px or more, no two discs and no two names overlapping.
      expect(before.communities.filter((c) => !c.nameShown || c.fontPx < 11).map((c) => c.label)).toEqual([]);
      expect(overlapping(before.communities.map((c) => c.disc))).toEqual([]);
      expect(overlapping(before.communities.map((c) => c.name))).toEqual([]);
      // Every node of the view is in a community or drawn as itself.
      const membersTotal = before.communities.reduce((sum, c) => sum + c.members, 0);
      expect(membersTotal + before.nodes.length - before.communities.length).toBe(nodes);

      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: 'test-results/communities.png' });
      const target = before.communities.filter((c) => c.clear).sort((a, b) => b.members - a.members)[0]!;
      const at = await pointOf(page, target.id);
      await page.mouse.dblclick(at.x, at.y);
      await page.waitForFunction((id) => (window as unknown as { __threadlineCy: { getElementById(i: string): { empty(): boolean } } }).__threadlineCy.getElementById(id).empty(), target.id);

      // The view takes in the opened community beside the others, and fits the names again.
      await page.waitForFunction(() => !(window as unknown as { __threadlineCy: { animated(): boolean } }).__threadlineCy.animated());
      await namesFitted(page);
      await page.waitForTimeout(300);
      const after = await drawn(page);
      const hub = target.id.slice('community:'.length);
      expect(after.nodes).toContain(hub);
      expect(after.nodes.length).toBe(before.nodes.length - 1 + target.members);
      expect(after.communities.map((c) => c.id).sort()).toEqual(before.communities.filter((c) => c.id !== target.id).map((c) => c.id).sort());
      // Its members are drawn around where it was, and cover no other community.
      expect(after.others).not.toBeNull();
      expect(after.communities.filter((c) => overlap(c.disc, after.others!)).map((c) => c.label)).toEqual([]);
      expect(overlapping(after.communities.map((c) => c.disc))).toEqual([]);
      await page.screenshot({ path: 'test-results/communities-opened.png' });
    } finally {
      await browser.close();
      await served.close();
    }
  }, 300_000);
});
