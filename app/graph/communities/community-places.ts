/**
 * Where a grouped view's communities are, kept between changes: each community's home from the packing
 * (community-layout.ts), found once for the whole view, with names sized for the view's opening fit, and for a
 * community that appears later beside the others; and, with some open, where every community is once room has been
 * made for each open one in the order they were opened. Closing them all brings every community home.
 */
import type { Position } from 'cytoscape';
import { communityExtent, makeRoom, pack, squareExtent, type Block, type Extent, type Link } from './community-layout';
import { communitySize, type Community } from './community-view';
import { memberRadius } from './member-layout';

/** The padding of the view's opening fit (CanvasController), in screen pixels. */
const FIT_PADDING = 60;
/** Rounds of packing at most while looking for the name size the opening fit needs. */
const FIT_ROUNDS = 6;

export interface Viewport { width: number; height: number }

export class CommunityPlaces {
  private readonly homes = new Map<string, Position>();
  /** How many times the stylesheet's size the names are set at the opening fit (label-fit.ts keeps them ≥ 11 px). */
  private scale = 1;

  /** Where each of `communities` is with `open` open (in the order they were opened). */
  arrange(communities: readonly Community[], open: readonly string[], links: readonly Link[], viewport: Viewport): Map<string, Position> {
    const extent = (c: Community) => communityExtent(communitySize(c.members.length), c.label, this.scale);
    const homeless = communities.filter((c) => !this.homes.has(c.id)).sort((a, b) => b.members.length - a.members.length || (a.id < b.id ? -1 : 1));
    if (this.homes.size === 0) this.packFirst(homeless, links, viewport);
    else if (homeless.length > 0) {
      const placed = new Map(communities.filter((c) => this.homes.has(c.id)).map((c) => [c.id, { ...this.homes.get(c.id)!, extent: extent(c) }]));
      for (const [id, at] of pack(homeless.map((c) => ({ id: c.id, extent: extent(c) })), links, placed, aspect(viewport))) this.homes.set(id, at);
    }
    // With communities open, the fit zooms further out and names grow (label-fit.ts): room is made for them at that size.
    for (let scale = this.scale, round = 1; ; round++) {
      const places = this.roomFor(communities, open, scale);
      const needed = neededScale(places, viewport);
      if (open.length === 0 || needed <= scale || round === FIT_ROUNDS) return new Map([...places].map(([id, p]) => [id, { x: p.x, y: p.y }]));
      scale = needed * 1.1;
    }
  }

  /** Every community at home, with room made for each open one in turn (names set `scale` times their size). */
  private roomFor(communities: readonly Community[], open: readonly string[], scale: number): Map<string, Position & { extent: Extent }> {
    const places = new Map(communities.map((c) => [c.id, { ...this.homes.get(c.id)!, extent: communityExtent(communitySize(c.members.length), c.label, scale) }]));
    const byId = new Map(communities.map((c) => [c.id, c]));
    for (const id of open) {
      const opened = places.get(id);
      if (!opened) continue;
      const grown = squareExtent(memberRadius(byId.get(id)!.members.length));
      places.delete(id);
      for (const [other, at] of makeRoom(opened, grown, places)) places.set(other, { ...at, extent: places.get(other)!.extent });
      places.set(id, { x: opened.x, y: opened.y, extent: grown });
    }
    return places;
  }

  /** Packs the whole view, with names set large enough to read (≥ 11 px) once the packing is fitted to `viewport`. */
  private packFirst(communities: readonly Community[], links: readonly Link[], viewport: Viewport): void {
    const blocks = (scale: number): Block[] => communities.map((c) => ({ id: c.id, extent: communityExtent(communitySize(c.members.length), c.label, scale) }));
    for (let round = 1; ; round++) {
      const placed = new Map<string, Position & { extent: Extent }>();
      const homes = pack(blocks(this.scale), links, placed, aspect(viewport));
      const needed = neededScale(placed, viewport);
      if (needed <= this.scale || round === FIT_ROUNDS) {
        for (const [id, at] of homes) this.homes.set(id, at);
        return;
      }
      // A little more than needed: larger names spread the packing, which zooms the fit out a little further.
      this.scale = needed * 1.1;
    }
  }
}

const aspect = (viewport: Viewport) => (viewport.width > 0 && viewport.height > 0 ? viewport.width / viewport.height : 1);

/** The name scale the fit of `placed` into `viewport` needs (names are set at zoom 1 sizes; below zoom 1 they grow). */
function neededScale(placed: ReadonlyMap<string, Position & { extent: Extent }>, viewport: Viewport): number {
  if (viewport.width <= 2 * FIT_PADDING || viewport.height <= 2 * FIT_PADDING || placed.size === 0) return 1;
  const all = [...placed.values()];
  const width = Math.max(...all.map((p) => p.x + p.extent.right)) - Math.min(...all.map((p) => p.x - p.extent.left));
  const height = Math.max(...all.map((p) => p.y + p.extent.bottom)) - Math.min(...all.map((p) => p.y - p.extent.top));
  const zoom = Math.min((viewport.width - 2 * FIT_PADDING) / width, (viewport.height - 2 * FIT_PADDING) / height);
  return Math.max(1, 1 / zoom);
}
