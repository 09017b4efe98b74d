import type { Page } from 'playwright-core';

type CyWindow = {
  __threadlineCy?: {
    nodes(): { length: number; map<T>(f: (n: { id(): string }) => T): T[] };
    edges(): { length: number };
    getElementById(id: string): { empty(): boolean; renderedPosition(): { x: number; y: number }; renderedMidpoint(): { x: number; y: number }; position(): { x: number; y: number } };
  };
};

type Point = { x: number; y: number };
type Box = { x1: number; y1: number; x2: number; y2: number };
type EdgeCy = {
  getElementById(id: string): { renderedSourceEndpoint(): Point; renderedMidpoint(): Point; renderedTargetEndpoint(): Point };
  nodes(): { toArray(): { visible(): boolean; renderedBoundingBox(o: object): Box }[] };
};

/** Ids of the nodes drawn on the canvas. */
export function canvasNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as CyWindow).__threadlineCy?.nodes().map((n) => n.id()).sort() ?? []);
}

export function waitForCanvasNode(page: Page, id: string) {
  return page.waitForFunction((nodeId) => (window as unknown as CyWindow).__threadlineCy?.getElementById(nodeId).empty() === false, id);
}

/**
 * Where on the page a node is drawn, or a point of an edge that no node covers (its midpoint when free), for clicking
 * it like a person would: a node lying across an edge's middle would take the click.
 */
export async function pointOf(page: Page, id: string, group: 'node' | 'edge' = 'node'): Promise<{ x: number; y: number }> {
  await page.waitForFunction(() => !(window as unknown as { __threadlineCy: { animated(): boolean } }).__threadlineCy.animated());
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!box) throw new Error('the canvas is not on the page');
  const p = group === 'node'
    ? await uncoveredNode(page, id, box)
    : await page.evaluate((edgeId) => {
      const cy = (window as unknown as { __threadlineCy: EdgeCy }).__threadlineCy;
      const edge = cy.getElementById(edgeId);
      const [from, mid, to] = [edge.renderedSourceEndpoint(), edge.renderedMidpoint(), edge.renderedTargetEndpoint()];
      const bodies = cy.nodes().toArray().filter((n) => n.visible()).map((n) => n.renderedBoundingBox({ includeLabels: false, includeOverlays: false }));
      const covered = (q: Point) => bodies.some((b) => q.x > b.x1 - 4 && q.x < b.x2 + 4 && q.y > b.y1 - 4 && q.y < b.y2 + 4);
      const along = (a: Point, b: Point, t: number) => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
      // The midpoint first, then outwards along each half of the edge.
      const candidates = [mid, ...[0.2, 0.4, 0.6].flatMap((t) => [along(mid, from, t), along(mid, to, t)])];
      return candidates.find((q) => !covered(q)) ?? mid;
    }, id);
  return { x: box.x + p.x, y: box.y + p.y };
}

/**
 * A node's rendered position, brought to the canvas's centre first when a panel over the canvas (the details, say)
 * covers it: a click there would land on the panel.
 */
async function uncoveredNode(page: Page, id: string, box: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const position = () => page.evaluate((nodeId) => (window as unknown as CyWindow).__threadlineCy!.getElementById(nodeId).renderedPosition(), id);
  const p = await position();
  const covered = await page.evaluate(({ x, y }) => !document.elementFromPoint(x, y)?.closest('[data-testid="graph-canvas"]'), { x: box.x + p.x, y: box.y + p.y });
  if (!covered) return p;
  await page.evaluate((nodeId) => {
    const cy = (window as unknown as { __threadlineCy: { center(e: unknown): void; getElementById(id: string): unknown } }).__threadlineCy;
    cy.center(cy.getElementById(nodeId));
  }, id);
  return position();
}

export async function modelPosition(page: Page, id: string) {
  return page.evaluate((nodeId) => (window as unknown as CyWindow).__threadlineCy!.getElementById(nodeId).position(), id);
}

/** Pans and zooms so that these elements fill the canvas, as a person would before clicking something small. */
export async function zoomTo(page: Page, ids: string[]): Promise<void> {
  await page.evaluate((elementIds) => {
    const cy = (window as unknown as { __threadlineCy: { collection(): { merge(e: unknown): unknown }; getElementById(id: string): unknown; fit(e: unknown, padding: number): void } }).__threadlineCy;
    const elements = cy.collection();
    for (const id of elementIds) elements.merge(cy.getElementById(id));
    cy.fit(elements, 120);
  }, ids);
}
