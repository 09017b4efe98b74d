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

/** A shape as SVG path data in the box (x, y, width, height): for `<path d>` in SVG and `new Path2D(d)` on a canvas. */
export function shapePath(shape: string, box: { x: number; y: number; width: number; height: number }): string {
  const { x, y, width: w, height: h } = box;
  const n = (v: number) => Number(v.toFixed(2));
  const outline = OUTLINES[shape];
  if (outline) {
    const points = outline.split(' ').map((pair) => pair.split(',').map(Number));
    return `${points.map(([px = 0, py = 0], i) => `${i ? 'L' : 'M'}${n(x + (px * w) / 10)} ${n(y + (py * h) / 10)}`).join(' ')} Z`;
  }
  if (shape === 'ellipse') {
    const [rx, ry, cy] = [w / 2, h / 2, y + h / 2];
    return `M${n(x)} ${n(cy)} A${n(rx)} ${n(ry)} 0 1 0 ${n(x + w)} ${n(cy)} A${n(rx)} ${n(ry)} 0 1 0 ${n(x)} ${n(cy)} Z`;
  }
  const [top, bottom] = [y + h * 0.05, y + h * 0.95];
  const r = Math.min(shape === 'barrel' ? h * 0.3 : Math.min(w, h) * 0.2, w / 2);
  return `M${n(x + r)} ${n(top)} H${n(x + w - r)} Q${n(x + w)} ${n(top)} ${n(x + w)} ${n(top + r)} V${n(bottom - r)} Q${n(x + w)} ${n(bottom)} ${n(x + w - r)} ${n(bottom)} H${n(x + r)} Q${n(x)} ${n(bottom)} ${n(x)} ${n(bottom - r)} V${n(top + r)} Q${n(x)} ${n(top)} ${n(x + r)} ${n(top)} Z`;
}
