/** Where a grouped view's communities and an open community's members go (app/graph/communities, pure). */
import { describe, expect, it } from 'vitest';
import { communityExtent, makeRoom, pack, squareExtent, type Extent } from '../../app/graph/communities/community-layout';
import { memberOffsets, memberRadius } from '../../app/graph/communities/member-layout';

type Placed = { x: number; y: number; extent: Extent };
const box = (p: Placed) => ({ x1: p.x - p.extent.left, x2: p.x + p.extent.right, y1: p.y - p.extent.top, y2: p.y + p.extent.bottom });
function overlapping(placed: Placed[]): number {
  let count = 0;
  placed.forEach((p, i) =>
    placed.slice(i + 1).forEach((q) => {
      const [a, b] = [box(p), box(q)];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) count++;
    }),
  );
  return count;
}

describe('communityExtent', () => {
  it('keeps room below the disc for the name, wrapped, and grows with the name scale', () => {
    const short = communityExtent(40, 'Ann and 3 others', 1);
    const long = communityExtent(40, 'Guatemala Chamber of Commerce and Industry and 423 others', 1);
    expect(short.top).toBe(20);
    expect(short.bottom).toBeGreaterThan(20 + 13);
    expect(long.bottom).toBeGreaterThan(short.bottom + 13);
    expect(long.left).toBeLessThanOrEqual(80 + 2);
    expect(communityExtent(40, 'Ann and 3 others', 2).bottom - 20).toBeGreaterThan((short.bottom - 20) * 1.9);
  });
});

describe('pack', () => {
  const blocks = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, extent: communityExtent(30 + 130 / (i + 1), `Community number ${i} and ${400 - i * 9} others`, 1) }));
  const links = blocks.slice(1).map((b, i) => ({ source: `c${i % 5}`, target: b.id, count: 1 + (i % 3) }));

  it('places every block with no two overlapping, largest in the middle, linked blocks near each other', () => {
    const placed = new Map<string, Placed>();
    const at = pack(blocks, links, placed, 1.6);
    expect(at.size).toBe(40);
    expect(overlapping([...placed.values()])).toBe(0);
    expect(at.get('c0')).toEqual({ x: 0, y: 0 });
    const xs = [...at.values()].map((p) => p.x);
    const ys = [...at.values()].map((p) => p.y);
    // Spread like a landscape screen: wider than tall.
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(Math.max(...ys) - Math.min(...ys));
  });

  it('places new blocks beside those placed, which stay', () => {
    const placed = new Map<string, Placed>();
    const first = pack(blocks.slice(0, 30), links, placed, 1.6);
    const before = new Map(placed);
    pack(blocks.slice(30), links, placed, 1.6);
    for (const [id, p] of before) expect(placed.get(id)).toEqual(p);
    expect(first.size).toBe(30);
    expect(overlapping([...placed.values()])).toBe(0);
  });

  it('makes room for an opened block by moving the others outwards along their ray, never overlapping', () => {
    const placed = new Map<string, Placed>();
    pack(blocks, links, placed, 1.6);
    const opened = placed.get('c3')!;
    const others = new Map([...placed].filter(([id]) => id !== 'c3'));
    const grown = squareExtent(memberRadius(400));
    const moved = makeRoom(opened, grown, others);
    const after = [...moved].map(([id, p]) => ({ ...p, extent: others.get(id)!.extent }));
    expect(overlapping([{ ...opened, extent: grown }, ...after])).toBe(0);
    for (const [id, p] of moved) {
      const was = others.get(id)!;
      const angle = (q: { x: number; y: number }) => Math.atan2(q.y - opened.y, q.x - opened.x);
      if (p.x !== was.x || p.y !== was.y) expect(angle(p)).toBeCloseTo(angle(was), 6);
    }
  });
});

describe('memberOffsets', () => {
  it('puts the hub in the middle, its neighbours next, and no two members at one place', () => {
    const members = ['hub', 'a', 'b', 'far', 'lone'];
    const edges = [{ source: 'hub', target: 'a' }, { source: 'b', target: 'hub' }, { source: 'a', target: 'far' }];
    const offsets = memberOffsets('hub', members, edges);
    const r = (id: string) => Math.hypot(offsets.get(id)!.x, offsets.get(id)!.y);
    expect(offsets.get('hub')).toEqual({ x: 0, y: 0 });
    expect(Math.max(r('a'), r('b'))).toBeLessThan(r('far'));
    expect(r('far')).toBeLessThan(r('lone'));
    expect(new Set([...offsets.values()].map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`)).size).toBe(5);
    expect(r('lone')).toBeLessThan(memberRadius(5));
  });
});
