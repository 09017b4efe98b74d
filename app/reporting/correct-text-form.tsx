import { useId, useState, type FormEvent } from 'react';
import type { SourceVersionCreated } from '../../shared/contract';
import { useAddSourceVersion } from './api/use-add-source-version';
import { formErrors } from './field-errors';
import { FormFooter } from './form-footer';
import { contentInput, EMPTY_CONTENT, SourceContentField } from './source-content-field';

const FIELDS = ['content', 'format', 'note'];

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a correction did to the quotes: how many moved, and which stay on the old version (no longer verbatim). */
function CorrectionReport({ created, onClose }: { created: SourceVersionCreated; onClose: () => void }) {
  const { moved, stranded, source } = created;
  const previous = source.version - 1;
  return (
    <section className="reader-card reader-saved" role="status" aria-label="Correction saved">
      <p>
        Version {source.version} saved: {count(moved, 'quote', 'quotes')} moved, {count(stranded.length, 'stays', 'stay')} on version {previous}.
      </p>
      {stranded.length > 0 && (
        <>
          <p className="field-label">No longer verbatim, kept with version {previous}</p>
          <ul className="reader-claims">
            {stranded.map((q) => (
              <li key={q.id}>“{q.quote}”</li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="link" onClick={onClose}>
        Dismiss
      </button>
    </section>
  );
}

interface Props {
  sourceId: string;
  /** The current version, which the correction follows. */
  version: number;
  onClose: () => void;
}

/** A corrected text for a source, pasted or from a file: it becomes the next version; then what happened to the quotes. */
export function CorrectTextForm({ sourceId, version, onClose }: Props) {
  const id = useId();
  const correct = useAddSourceVersion(sourceId);
  const [content, setContent] = useState(EMPTY_CONTENT);
  const [note, setNote] = useState('');
  const { errors, general } = formErrors(correct.error, FIELDS);

  if (correct.data) return <CorrectionReport created={correct.data} onClose={onClose} />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    correct.mutate({ ...contentInput(content), note: note.trim() || undefined });
  };
  return (
    <form className="reader-card correct-text" aria-label="Correct the text" onSubmit={onSubmit} noValidate>
      <h3>Correct the text</h3>
      <p className="field-hint">
        The corrected text becomes version {version + 1}; version {version} stays readable. Quotes still verbatim in it move over, the others stay on version {version}.
      </p>
      <SourceContentField value={content} onChange={setContent} error={errors.content ?? errors.format} placeholder="Paste the corrected text, or choose a file below" />
      <div className="field">
        <label htmlFor={`${id}-note`}>
          What was corrected<span className="field-hint"> (optional)</span>
        </label>
        <input id={`${id}-note`} type="text" value={note} placeholder="The Post corrected the date on …" aria-invalid={!!errors.note} onChange={(e) => setNote(e.target.value)} />
        {errors.note && <p className="field-error">{errors.note}</p>}
      </div>
      <FormFooter label="Save as new version" pendingLabel="Saving…" pending={correct.isPending} error={general} onCancel={onClose} />
    </form>
  );
}
