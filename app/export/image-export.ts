/** PNG and SVG of the canvas (or the selection), with a title, legend and sources, drawn from the canvas's scene. */
import type { Measure, Scene } from '../graph/scene';
import { styleOf } from '../../shared/style/palette';
import { figureSvg, FONT, type Decorations } from './svg-figure';

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

/** Text width with the canvas's font, measured by a 2D canvas. */
export function canvasMeasure(): Measure {
  const context = document.createElement('canvas').getContext('2d')!;
  return (text, fontSize) => {
    context.font = `${fontSize}px ${FONT}`;
    return context.measureText(text).width;
  };
}

function legendOf(scene: Scene): Decorations['legend'] {
  const kinds = [...new Set(scene.nodes.map((n) => n.kind))].sort();
  return kinds.map((kind) => ({ kind, ...styleOf([kind]) }));
}

/** The PNG is the SVG figure drawn `scale` times over: one drawing of the figure, not two. */
async function rasterise(svg: string, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportImage(scene: Scene, options: ImageOptions, measure: Measure): Promise<Blob> {
  const decorations: Decorations = { title: options.title, legend: options.legend ? legendOf(scene) : [], sources: options.sources, background: options.background };
  const svg = figureSvg(scene, decorations, measure);
  if (options.format === 'svg') return new Blob([svg], { type: 'image/svg+xml' });
  return rasterise(svg, options.scale);
}
