import { KindIcon } from '../graph/kind-icon';

/** The kinds present on the canvas, with the colour and shape each is drawn in; its row is there from the start, so the canvas does not shrink under a fitted view. */
export function Legend({ kinds }: { kinds: string[] }) {
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
