import { KindIcon } from '../graph/kind-icon';

/** The kinds present on the canvas, with the colour and shape each is drawn in. */
export function Legend({ kinds }: { kinds: string[] }) {
  if (kinds.length === 0) return null;
  return (
    <ul className="legend" aria-label="Legend">
      {kinds.map((kind) => (
        <li key={kind}>
          <KindIcon labels={[kind]} />
          {kind}
        </li>
      ))}
    </ul>
  );
}
