/** Properties shown elsewhere in the panel, or only for machines. */
const HIDDEN = new Set(['evidence', 'name', 'text']);

function format(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (value === null || value === undefined) return '—';
  return String(value);
}

export function PropertyList({ id, properties }: { id: string; properties: Record<string, unknown> }) {
  const entries = Object.entries(properties).filter(([k]) => !HIDDEN.has(k));
  return (
    <dl className="props">
      <dt>id</dt>
      <dd>
        <code>{id}</code>
      </dd>
      {entries.map(([key, value]) => (
        <div key={key} className="prop-row">
          <dt>{key}</dt>
          <dd>{format(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
