import { describe, expect, it } from 'vitest';
import { viewportFor } from '../../app/graph/story-frame.js';

const camera = { zoom: 1, center: { x: 100, y: 50 }, viewport: { width: 800, height: 600 } };

describe('a story camera in views of other sizes', () => {
  it('puts the same graph point at the centre of the view', () => {
    expect(viewportFor(camera, 800, 600)).toEqual({ zoom: 1, pan: { x: 300, y: 250 } });
  });

  it('scales to keep the framed part of the graph in view, by the tighter of the two sides', () => {
    expect(viewportFor(camera, 1600, 1200)).toEqual({ zoom: 2, pan: { x: 600, y: 500 } });
    // Twice as wide but no taller: the height limits, so the zoom stays.
    expect(viewportFor(camera, 1600, 600)).toEqual({ zoom: 1, pan: { x: 700, y: 250 } });
    expect(viewportFor(camera, 400, 600).zoom).toBe(0.5);
  });
});
