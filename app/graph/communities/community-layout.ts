/**
 * Where a grouped view's communities go (pure): each takes a block, its disc with its name below, sized by member
 * count; the blocks are packed greedily, largest first, each at the free place nearest the communities it is most
 * linked to, so no two discs and no two names overlap. An open community takes a larger block (its members drawn
 * around where its disc was) and the others slide outwards along their ray from it to make room.
 */
import type { Position } from 'cytoscape';
import { COMMUNITY_LABEL } from '../../../shared/style/stylesheet';

/** A block's reach from its centre (the node's position) on each side, in graph units. */
export interface Extent { left: number; right: number; top: number; bottom: number }

/** Room kept between two blocks, in graph units. */
const GAP = 16;
/** Width and height of a bold character, and of a line, as fractions of the font size (kept on the generous side). */
const CHAR_EM = 0.62;
const LINE_EM = 1.3;

/** The lines a name wraps to at `maxChars` characters a line (as Cytoscape wraps at its `text-max-width`). */
function wrap(label: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A closed community's block: its disc, and its name below it with names set `scale` times the stylesheet's size. */
export function communityExtent(diameter: number, label: string, scale: number): Extent {
  const font = COMMUNITY_LABEL.fontSize * scale;
  const lines = wrap(label, Math.max(1, Math.floor(COMMUNITY_LABEL.maxWidth / (COMMUNITY_LABEL.fontSize * CHAR_EM))));
  const width = Math.max(...lines.map((l) => l.length)) * font * CHAR_EM + 2;
  const half = Math.max(diameter, width) / 2;
  return { left: half, right: half, top: diameter / 2, bottom: diameter / 2 + COMMUNITY_LABEL.marginY * scale + lines.length * font * LINE_EM + 2 };
}

export const squareExtent = (radius: number): Extent => ({ left: radius, right: radius, top: radius, bottom: radius });

const overlaps = (p: Position, a: Extent, q: Position, b: Extent) =>
  p.x - a.left < q.x + b.right + GAP && q.x - b.left < p.x + a.right + GAP && p.y - a.top < q.y + b.bottom + GAP && q.y - b.top < p.y + a.bottom + GAP;

export interface Block { id: string; extent: Extent }
/** Links between blocks, with how many relationships each stands for. */
export interface Link { source: string; target: string; count: number }

/**
 * Places `blocks` (largest first) beside those in `placed`, which stay: each goes to the free place nearest the
 * weighted centre of the placed blocks it links to (else the origin), distances in y counting `aspect` times those in
 * x so that the whole spreads like the screen. Candidates: the block centred there, or touching a placed block on a
 * side or at a corner.
 */
export function pack(blocks: readonly Block[], links: readonly Link[], placed: Map<string, Position & { extent: Extent }>, aspect = 1): Map<string, Position> {
  const linked = new Map<string, { other: string; count: number }[]>();
  for (const l of links) {
    linked.set(l.source, [...(linked.get(l.source) ?? []), { other: l.target, count: l.count }]);
    linked.set(l.target, [...(linked.get(l.target) ?? []), { other: l.source, count: l.count }]);
  }
  const result = new Map<string, Position>();
  for (const { id, extent } of blocks) {
    const target = pull(linked.get(id) ?? [], placed);
    const candidates: Position[] = [target];
    for (const p of placed.values()) {
      const xs = [p.x - p.extent.left - GAP - extent.right, p.x, p.x + p.extent.right + GAP + extent.left];
      const ys = [p.y - p.extent.top - GAP - extent.bottom, p.y, p.y + p.extent.bottom + GAP + extent.top];
      for (const x of xs) for (const y of ys) if (x !== p.x || y !== p.y) candidates.push({ x, y });
    }
    const distance = (c: Position) => (c.x - target.x) ** 2 + ((c.y - target.y) * aspect) ** 2;
    candidates.sort((a, b) => distance(a) - distance(b));
    const free = candidates.find((c) => ![...placed.values()].some((p) => overlaps(c, extent, p, p.extent)))!;
    placed.set(id, { ...free, extent });
    result.set(id, free);
  }
  return result;
}

function pull(links: readonly { other: string; count: number }[], placed: ReadonlyMap<string, Position>): Position {
  let [x, y, weight] = [0, 0, 0];
  for (const { other, count } of links) {
    const at = placed.get(other);
    if (!at) continue;
    [x, y, weight] = [x + at.x * count, y + at.y * count, weight + count];
  }
  return weight > 0 ? { x: x / weight, y: y / weight } : { x: 0, y: 0 };
}

/**
 * Makes room around `centre` for `opened` (its block grown): every other block, nearest first, slides outwards along
 * its ray from `centre` until it overlaps neither the opened block nor one already moved. Angles are kept, so the
 * picture keeps its arrangement.
 */
export function makeRoom(centre: Position, opened: Extent, others: ReadonlyMap<string, Position & { extent: Extent }>): Map<string, Position> {
  const settled: (Position & { extent: Extent })[] = [{ ...centre, extent: opened }];
  const distance = (p: Position) => Math.hypot(p.x - centre.x, p.y - centre.y);
  const moved = new Map<string, Position>();
  for (const [id, p] of [...others].sort(([, a], [, b]) => distance(a) - distance(b))) {
    const d = distance(p);
    const [dx, dy] = d > 0 ? [(p.x - centre.x) / d, (p.y - centre.y) / d] : [1, 0];
    let at: Position = { x: p.x, y: p.y };
    for (let step = 1; settled.some((s) => overlaps(at, p.extent, s, s.extent)); step++) at = { x: p.x + dx * 8 * step, y: p.y + dy * 8 * step };
    settled.push({ ...at, extent: p.extent });
    moved.set(id, at);
  }
  return moved;
}
