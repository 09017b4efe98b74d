import type { Page } from 'playwright-core';

type CyWindow = {
  __threadlineCy?: {
    nodes(): { length: number; map<T>(f: (n: { id(): string }) => T): T[] };
    edges(): { length: number };
    getElementById(id: string): { empty(): boolean; renderedPosition(): { x: number; y: number }; renderedMidpoint(): { x: number; y: number }; position(): { x: number; y: number } };
  };
};

/** Ids of the nodes drawn on the canvas. */
export function canvasNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as CyWindow).__threadlineCy?.nodes().map((n) => n.id()).sort() ?? []);
}

export function waitForCanvasNode(page: Page, id: string) {
  return page.waitForFunction((nodeId) => (window as unknown as CyWindow).__threadlineCy?.getElementById(nodeId).empty() === false, id);
}

/** Where on the page a node (or an edge's midpoint) is drawn, for clicking it like a person would. */
export async function pointOf(page: Page, id: string, group: 'node' | 'edge' = 'node'): Promise<{ x: number; y: number }> {
  await page.waitForFunction(() => !(window as unknown as { __threadlineCy: { animated(): boolean } }).__threadlineCy.animated());
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!box) throw new Error('the canvas is not on the page');
  const p = await page.evaluate(
    ([elementId, kind]) => {
      const element = (window as unknown as CyWindow).__threadlineCy!.getElementById(elementId!);
      return kind === 'edge' ? element.renderedMidpoint() : element.renderedPosition();
    },
    [id, group] as const,
  );
  return { x: box.x + p.x, y: box.y + p.y };
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
