/**
 * Where an opened community's members go around its centre (pure): its best-connected member in the middle, then
 * the others in order of how far they are from it in the community's own graph (breadth first, better-connected
 * neighbours first), on a sunflower spiral, so each ring holds the members one step further out and no two coincide.
 */
import type { Position } from 'cytoscape';
import type { EdgeData } from '../sync-elements';

/** Distance between neighbouring members on the spiral, in graph units: a node and room for part of its name. */
const SPACING = 36;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** How far from its centre an opened community of `count` members reaches, names below the outer ring included. */
export const memberRadius = (count: number) => SPACING * (Math.sqrt(count) + 1);

/** Each member's offset from the community's centre; `hub` first, the members of `edges` linked to it next. */
export function memberOffsets(hub: string, members: readonly string[], edges: readonly Pick<EdgeData, 'source' | 'target'>[]): Map<string, Position> {
  const inside = new Set(members);
  const neighbours = new Map<string, string[]>(members.map((m) => [m, []]));
  for (const e of edges) {
    if (!inside.has(e.source) || !inside.has(e.target)) continue;
    neighbours.get(e.source)!.push(e.target);
    neighbours.get(e.target)!.push(e.source);
  }
  const degree = (m: string) => neighbours.get(m)!.length;
  const byDegree = (a: string, b: string) => degree(b) - degree(a) || (a < b ? -1 : 1);
  const order: string[] = [];
  const seen = new Set<string>();
  for (const start of [hub, ...[...members].sort(byDegree)]) {
    if (seen.has(start) || !inside.has(start)) continue;
    seen.add(start);
    order.push(start);
    for (let i = order.length - 1; i < order.length; i++) {
      for (const next of [...neighbours.get(order[i]!)!].sort(byDegree)) {
        if (seen.has(next)) continue;
        seen.add(next);
        order.push(next);
      }
    }
  }
  return new Map(order.map((m, i) => [m, { x: SPACING * Math.sqrt(i) * Math.cos(i * GOLDEN_ANGLE), y: SPACING * Math.sqrt(i) * Math.sin(i * GOLDEN_ANGLE) }]));
}
