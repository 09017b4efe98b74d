import type { MergeChoice, MergePreview } from '../../shared/contract';
import { edgeLabel } from '../../shared/model/graph-model';

const ACTION_WORDS = { move: 'moves', unite: 'joins the same relationship', drop: 'dropped (between the two)' } as const;

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
const nameOf = (node: MergePreview['from']) => String(node.properties.name ?? node.id);

interface Props {
  preview: MergePreview;
  choose: Record<string, MergeChoice>;
  onChoose: (property: string, choice: MergeChoice) => void;
}

/** What a merge would do, and a choice for each value that differs (text from the graph rendered as text). */
export function MergePreviewView({ preview, choose, onChoose }: Props) {
  const [from, into] = [nameOf(preview.from), nameOf(preview.into)];
  return (
    <div className="merge-preview">
      <p>
        {from} ({preview.from.id}) goes away; {into} ({preview.into.id}) stays, and the old id leads to it.
      </p>
      <h4>Relationships ({preview.edges.length})</h4>
      <ul aria-label="Relationships that move">
        {preview.edges.map((e) => (
          <li key={e.id}>
            {e.direction === 'out' ? `${edgeLabel(e.type)} → ${e.other.name}` : `${e.other.name} ${edgeLabel(e.type)} →`}: {ACTION_WORDS[e.action]}
          </li>
        ))}
      </ul>
      <p>
        {preview.quotes.length} {preview.quotes.length === 1 ? 'quote goes' : 'quotes go'} with them. Aliases after: {preview.aliases.join(', ') || 'none'}.
      </p>
      {preview.conflicts.length > 0 && (
        <fieldset className="merge-conflicts">
          <legend>Values that differ: choose one each</legend>
          {preview.conflicts.map((c) => (
            <div key={c.property} role="radiogroup" aria-label={c.property}>
              <span className="field-label">{c.property}</span>
              {(['into', 'from'] as const).map((side) => (
                <label key={side}>
                  <input type="radio" name={`merge-${c.property}`} checked={choose[c.property] === side} onChange={() => onChoose(c.property, side)} />
                  {shown(c[side])} <span className="entity-kind">({side === 'into' ? into : from})</span>
                </label>
              ))}
            </div>
          ))}
        </fieldset>
      )}
    </div>
  );
}
