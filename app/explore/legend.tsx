import { KIND_STYLES } from '../graph/palette';

/** The kinds present on the canvas, with their colours. */
export function Legend({ kinds }: { kinds: string[] }) {
  if (kinds.length === 0) return null;
  return (
    <ul className="legend" aria-label="Legend">
      {kinds.map((kind) => (
        <li key={kind}>
          <span className="kind-dot" style={{ background: KIND_STYLES[kind]?.color ?? '#64748b' }} />
          {kind}
        </li>
      ))}
    </ul>
  );
}
