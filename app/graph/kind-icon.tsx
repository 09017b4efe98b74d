import { styleOf } from '../../shared/style/palette';
import { OUTLINES } from '../../shared/style/shape-outlines';

/** A node kind's colour and shape, as the canvas draws it. */
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
