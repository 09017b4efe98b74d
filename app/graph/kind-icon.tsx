import { styleOf } from './palette';

/** Unit-square outlines (0..10) of the canvas's node shapes, so legends match what is drawn. */
const OUTLINES: Record<string, string> = {
  diamond: '5,0 10,5 5,10 0,5',
  hexagon: '2.5,0.7 7.5,0.7 10,5 7.5,9.3 2.5,9.3 0,5',
  triangle: '5,0.5 10,9.5 0,9.5',
  star: '5,0 6.2,3.6 10,3.6 6.9,5.9 8.1,9.6 5,7.3 1.9,9.6 3.1,5.9 0,3.6 3.8,3.6',
  tag: '0,1 7,1 10,5 7,9 0,9',
  'round-tag': '0,1 7,1 10,5 7,9 0,9',
  rhomboid: '2.5,1 10,1 7.5,9 0,9',
};

export function KindIcon({ labels, size = 12 }: { labels: readonly string[]; size?: number }) {
  const { color, shape } = styleOf(labels);
  const outline = OUTLINES[shape];
  return (
    <svg width={size} height={size} viewBox="0 0 10 10" aria-hidden="true" className="kind-icon">
      {outline ? (
        <polygon points={outline} fill={color} />
      ) : shape === 'ellipse' ? (
        <circle cx={5} cy={5} r={5} fill={color} />
      ) : (
        <rect x={0.5} y={1} width={9} height={8} rx={shape === 'barrel' ? 3 : 2} fill={color} />
      )}
    </svg>
  );
}
