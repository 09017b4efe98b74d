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

interface Drawn {
  nodes: string[];
  communities: { id: string; label: string; members: number; clear: boolean }[];
  aggregates: number;
}

/** What the canvas draws; `clear`: no other node is drawn over the community's centre (a click there hits it). */
function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    type Node = { id(): string; data(k: string): unknown; position(): { x: number; y: number }; boundingBox(): { x1: number; x2: number; y1: number; y2: number } };
    const cy = (window as unknown as { __threadlineCy: { nodes(s?: string): Node[] & { filter(f: (n: Node) => boolean): Node[] }; edges(s: string): { length: number } } }).__threadlineCy;
    const all = [...cy.nodes()];
    const over = (n: Node) => {
      const p = n.position();
      return all.some((o) => o !== n && (({ x1, x2, y1, y2 }) => p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2)(o.boundingBox()));
    };
    return {
      nodes: all.map((n) => n.id()),
      communities: [...cy.nodes('[kind = "community"]')].map((n) => ({ id: n.id(), label: String(n.data('label')), members: Number(n.data('members')), clear: !over(n) })),
      aggregates: cy.edges('[type = "aggregate"]').length,
    };
  });
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

      const before = await drawn(page);
      expect(before.communities.length).toBeGreaterThan(3);
      expect(before.nodes.length).toBeLessThan(nodes / 4);
      expect(before.aggregates).toBeGreaterThan(0);
      for (const c of before.communities) expect(c.label).toMatch(new RegExp(`^.+ and ${c.members - 1} others$`));
      // Every node of the view is in a community or drawn as itself.
      const membersTotal = before.communities.reduce((sum, c) => sum + c.members, 0);
      expect(membersTotal + before.nodes.length - before.communities.length).toBe(nodes);

      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: 'test-results/communities.png' });
      const target = before.communities.filter((c) => c.clear).sort((a, b) => b.members - a.members)[0]!;
      const at = await pointOf(page, target.id);
      await page.mouse.dblclick(at.x, at.y);
      await page.waitForFunction((id) => (window as unknown as { __threadlineCy: { getElementById(i: string): { empty(): boolean } } }).__threadlineCy.getElementById(id).empty(), target.id);

      const after = await drawn(page);
      const hub = target.id.slice('community:'.length);
      expect(after.nodes).toContain(hub);
      expect(after.nodes.length).toBe(before.nodes.length - 1 + target.members);
      expect(after.communities.map((c) => c.id).sort()).toEqual(before.communities.filter((c) => c.id !== target.id).map((c) => c.id).sort());
      await page.screenshot({ path: 'test-results/communities-opened.png' });
    } finally {
      await browser.close();
      await served.close();
    }
  }, 300_000);
});
