import type { CanvasSummary } from '../graph/canvas-summary';
import type { CanvasFilters } from '../graph/filters';
import { KindIcon } from '../graph/kind-icon';
import { edgeLabel } from '../../shared/model/graph-model';

const CONFIDENCE_LABELS: Record<string, string> = {
  fact: 'Stated as fact',
  'named-source': 'Named source',
  'anonymous-source': 'Anonymous source',
  alleged: 'Alleged',
  denied: 'Denied',
  'dataset-record': 'Dataset record',
};

type ListKey = 'hiddenKinds' | 'hiddenTypes' | 'hiddenConfidence';

/** Show or hide kinds, relationship types and confidence levels present on the canvas. */
export function FiltersPanel({ summary, filters, onChange }: { summary: CanvasSummary; filters: CanvasFilters; onChange: (f: CanvasFilters) => void }) {
  const toggle = (key: ListKey, value: string) => {
    const list = filters[key];
    onChange({ ...filters, [key]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] });
  };
  const group = (title: string, key: ListKey, values: string[], label: (v: string) => string, icon?: boolean) =>
    values.length > 0 && (
      <fieldset className="filter-group">
        <legend>{title}</legend>
        {values.map((value) => (
          <label key={value}>
            <input type="checkbox" checked={!filters[key].includes(value)} onChange={() => toggle(key, value)} />
            {icon && <KindIcon labels={[value]} />}
            {label(value)}
          </label>
        ))}
      </fieldset>
    );
  return (
    <section className="filters" aria-label="Filters">
      {group('Kinds', 'hiddenKinds', summary.kinds, (v) => v, true)}
      {group('Relationships', 'hiddenTypes', summary.types, edgeLabel)}
      {group('Confidence', 'hiddenConfidence', summary.confidences, (v) => CONFIDENCE_LABELS[v] ?? v)}
    </section>
  );
}

export { CONFIDENCE_LABELS };
