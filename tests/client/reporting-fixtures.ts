import { vi } from 'vitest';
import type { EntityMatch, SourceDetails, WriteResult } from '../../shared/contract';
import type { CanvasController } from '../../app/graph/canvas-controller';
import type { CanvasAccess } from '../../app/explore/explore-slots';

/** Test material, not a real article: accents and an emoji (two UTF-16 units) come before the quotes. */
export const TEXT =
  'TEST MATERIAL — not a real article.\nCafé owners in San Salvador 🎉 cheered.\n\nMarco Rubio spoke with Nayib Bukele on March 13, officials told the Post.';

const at = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });

export const source: SourceDetails = {
  source: { id: 'source:test-report', title: 'Test report', publisher: 'Test Post', author: null, url: null, publishedAt: '2025-03', addedBy: 'ed', addedAt: '2025-03-14T10:00:00Z', length: TEXT.length, quotes: 1, version: 1 },
  version: 1,
  versions: [{ version: 1, at: '2025-03-14T10:00:00Z', by: 'ed', note: null }],
  text: TEXT,
  evidence: [
    { id: 'evidence:test-report:1', quote: 'Café owners in San Salvador', ...at('Café owners in San Salvador'), attribution: 'the report', confidence: 'fact', claims: ['rel:cafe-owners-in-san-salvador'], source: { id: 'source:test-report', name: 'Test report', publisher: 'Test Post', hasText: true }, version: null },
  ],
  supports: {
    nodes: [
      { id: 'group:cafe-owners', labels: ['Entity', 'Group'], properties: { name: 'Café owners' } },
      { id: 'place:el-salvador', labels: ['Entity', 'Place'], properties: { name: 'El Salvador' } },
    ],
    edges: [{ id: 'rel:cafe-owners-in-san-salvador', type: 'LOCATED_IN', source: 'group:cafe-owners', target: 'place:el-salvador', properties: {} }],
  },
  mentions: [{ ...at('Marco Rubio'), nodeId: 'person:marco-rubio', name: 'Marco Rubio', kind: 'Person' }],
};

export const rubioMatch: EntityMatch = {
  candidates: [
    { node: { id: 'person:marco-rubio', labels: ['Entity', 'Person'], properties: { name: 'Marco Rubio' } }, score: 0.97, reasons: ['same name'], connections: ['HOLDS_POSITION_IN State Department', 'Nayib Bukele'] },
    { node: { id: 'person:marco-antonio-rubio', labels: ['Entity', 'Person'], properties: { name: 'Marco Antonio Rubio' } }, score: 0.6, reasons: ['one name more'], connections: [] },
  ],
};
export const bukeleMatch: EntityMatch = {
  candidates: [{ node: { id: 'person:nayib-bukele', labels: ['Entity', 'Person'], properties: { name: 'Nayib Bukele' } }, score: 0.9, reasons: ['same name without accents'], connections: ['PRESIDENT_OF El Salvador'] }],
};

export const written: WriteResult = {
  change: { id: 'change:1', kind: 'add-claim', by: 'ed', at: '2025-03-14T10:00:00Z', summary: 'Marco Rubio spoke with Nayib Bukélé', note: null, targets: ['rel:x'], revertedBy: null, reverts: null, counts: null },
  graph: {
    nodes: [
      { id: 'person:marco-rubio', labels: ['Entity', 'Person'], properties: { name: 'Marco Rubio' } },
      { id: 'person:nayib-bukele-2', labels: ['Entity', 'Person'], properties: { name: 'Nayib Bukélé' } },
    ],
    edges: [{ id: 'rel:x', type: 'SPOKE_WITH', source: 'person:marco-rubio', target: 'person:nayib-bukele-2', properties: {} }],
  },
};

export const apiError = (status: number, code: string, message: string, details: { where: string; message: string }[] = []) => ({ status, body: { error: { code, message, details } } });

/** A canvas that records what it was asked to do. */
export function fakeCanvas(): CanvasAccess & {
  controller: { add: ReturnType<typeof vi.fn>; highlight: ReturnType<typeof vi.fn>; fitView: ReturnType<typeof vi.fn>; remove: ReturnType<typeof vi.fn>; redraw: ReturnType<typeof vi.fn> };
} {
  const controller = { add: vi.fn(), highlight: vi.fn(), fitView: vi.fn(), remove: vi.fn(), redraw: vi.fn() };
  return { controller: controller as unknown as CanvasController & typeof controller, selectedIds: [], select: vi.fn(), openPanel: vi.fn() };
}

/** Records the JSON bodies sent, by path, on top of the stubbed fetch. */
export function recordBodies() {
  const bodies: { method: string; path: string; body: unknown }[] = [];
  const inner = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    if (init?.body) bodies.push({ method: init.method ?? 'GET', path: url.pathname, body: JSON.parse(String(init.body)) });
    return inner(input, init);
  });
  return bodies;
}

/** Selects `words` in the rendered text the way a reader's mouse does, across element boundaries. */
export function selectWords(root: HTMLElement, words: string) {
  const start = root.textContent!.indexOf(words);
  const end = start + words.length;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = root.ownerDocument.createRange();
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent!.length;
    if (start >= seen && start <= seen + length) range.setStart(node, start - seen);
    if (end >= seen && end <= seen + length) {
      range.setEnd(node, end - seen);
      break;
    }
    seen += length;
  }
  const selection = root.ownerDocument.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}
