/** Drawing figures in the browser: text measured with the figures' font, and an SVG figure turned into a PNG. */
import type { Measure } from './scene';
import { FONT } from './svg-figure';
import { withDpi } from './png-dpi';

/** Text width with the figures' font, measured by a 2D canvas. */
export function canvasMeasure(): Measure {
  const context = document.createElement('canvas').getContext('2d')!;
  return (text, fontSize) => {
    context.font = `${fontSize}px ${FONT}`;
    return context.measureText(text).width;
  };
}

/**
 * The SVG drawn `scale` times over: one drawing of the figure, not two. With `dpi`, the PNG says its resolution
 * (a pHYs chunk), so a layout program places it at its print size.
 */
export async function rasterise(svg: string, scale: number, dpi?: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG'))), 'image/png'));
    return dpi ? new Blob([withDpi(new Uint8Array(await png.arrayBuffer()), dpi)], { type: 'image/png' }) : png;
  } finally {
    URL.revokeObjectURL(url);
  }
}
