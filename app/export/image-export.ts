/** PNG and SVG of the canvas (or the selection), with a title, legend and sources, drawn from the canvas's scene. */
import { rasterise } from '../graph/raster';
import type { Measure, Scene } from '../graph/scene';
import { styleOf } from '../../shared/style/palette';
import { figureSvg, type Decorations } from '../graph/svg-figure';

export interface ImageOptions {
  format: 'png' | 'svg';
  /** PNG only: 1 to 4 times the canvas's size. */
  scale: number;
  background: Decorations['background'];
  title: string;
  legend: boolean;
  /** Lines for the sources footer; empty for none. */
  sources: string[];
}

function legendOf(scene: Scene): Decorations['legend'] {
  const kinds = [...new Set(scene.nodes.map((n) => n.kind))].sort();
  return kinds.map((kind) => ({ kind, ...styleOf([kind]) }));
}

export async function exportImage(scene: Scene, options: ImageOptions, measure: Measure): Promise<Blob> {
  const decorations: Decorations = { title: options.title, legend: options.legend ? legendOf(scene) : [], sources: options.sources, background: options.background };
  const svg = figureSvg(scene, decorations, measure);
  if (options.format === 'svg') return new Blob([svg], { type: 'image/svg+xml' });
  return rasterise(svg, options.scale);
}
