/** Unit-square outlines (0..10) of the canvas's node shapes, so legends and exported drawings match the canvas. */
export const OUTLINES: Record<string, string> = {
  diamond: '5,0 10,5 5,10 0,5',
  hexagon: '2.5,0.7 7.5,0.7 10,5 7.5,9.3 2.5,9.3 0,5',
  triangle: '5,0.5 10,9.5 0,9.5',
  star: '5,0 6.2,3.6 10,3.6 6.9,5.9 8.1,9.6 5,7.3 1.9,9.6 3.1,5.9 0,3.6 3.8,3.6',
  tag: '0,1 7,1 10,5 7,9 0,9',
  'round-tag': '0,1 7,1 10,5 7,9 0,9',
  rhomboid: '2.5,1 10,1 7.5,9 0,9',
};

/** A shape as SVG markup in the box (x, y, width, height); ellipse and (round) rectangles are drawn natively. */
export function shapeSvg(shape: string, box: { x: number; y: number; width: number; height: number }, paint: string): string {
  const { x, y, width, height } = box;
  const outline = OUTLINES[shape];
  const n = (v: number) => Number(v.toFixed(2));
  if (outline) {
    const points = outline
      .split(' ')
      .map((pair) => pair.split(',').map(Number))
      .map(([px = 0, py = 0]) => `${n(x + (px * width) / 10)},${n(y + (py * height) / 10)}`)
      .join(' ');
    return `<polygon points="${points}" ${paint}/>`;
  }
  if (shape === 'ellipse') return `<ellipse cx="${n(x + width / 2)}" cy="${n(y + height / 2)}" rx="${n(width / 2)}" ry="${n(height / 2)}" ${paint}/>`;
  const radius = shape === 'barrel' ? height * 0.3 : Math.min(width, height) * 0.2;
  return `<rect x="${n(x)}" y="${n(y + height * 0.05)}" width="${n(width)}" height="${n(height * 0.9)}" rx="${n(radius)}" ${paint}/>`;
}
