import { describe, expect, it } from 'vitest';
import { LABEL_PX, labelScale, placeLabels } from '../../app/graph/label-fit.js';

const box = (x1: number, y1: number, w = 40, h = 12) => ({ x1, y1, x2: x1 + w, y2: y1 + h });

describe('fitting node names', () => {
  it('keeps the first of two overlapping names, places the next in its second place, and leaves out one with no free place', () => {
    const placed = placeLabels([
      { id: 'hub', places: [box(0, 20)] },
      { id: 'next-to-hub', places: [box(20, 25), box(20, 60)] },
      { id: 'boxed-in', places: [box(10, 22), box(10, 62)] },
      { id: 'apart', places: [box(100, 20), box(100, 0)] },
    ]);
    expect([...placed]).toEqual([['hub', 0], ['next-to-hub', 1], ['apart', 0]]);
  });

  it('moves a placed name to another of its places to make room for an important one with none free', () => {
    const crowd = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `far-${i}`, places: [box(1000 + i * 100, 0)] }));
    const hubAndActor = [{ id: 'hub', places: [box(0, 20), box(0, 0)] }, { id: 'actor', places: [box(10, 22)] }];
    expect([...placeLabels(hubAndActor)]).toEqual([['hub', 1], ['actor', 0]]);
    // Only the first names may move another: the 42nd name takes a free place or none.
    const late = placeLabels([...crowd(40), ...hubAndActor]);
    expect([late.get('hub'), late.has('actor')]).toEqual([0, false]);
  });

  it('counts names closer than the gap as overlapping', () => {
    expect([...placeLabels([{ id: 'a', places: [box(0, 0)] }, { id: 'b', places: [box(41, 0)] }], 2).keys()]).toEqual(['a']);
    expect([...placeLabels([{ id: 'a', places: [box(0, 0)] }, { id: 'b', places: [box(43, 0)] }], 2).keys()]).toEqual(['a', 'b']);
  });

  it('sets names larger in graph units as the view zooms out, so they stay LABEL_PX on screen', () => {
    expect(labelScale(2)).toBe(1);
    expect(labelScale(1)).toBe(1);
    expect(labelScale(0.5) * 11 * 0.5).toBeCloseTo(LABEL_PX);
  });
});
