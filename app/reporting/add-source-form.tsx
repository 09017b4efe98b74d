import { useId, useState, type FormEvent } from 'react';
import { useAddSource } from './api/use-add-source';
import { formErrors } from './field-errors';
import { FormFooter } from './form-footer';
import { contentInput, EMPTY_CONTENT, SourceContentField } from './source-content-field';

const FIELDS = ['title', 'publisher', 'author', 'url', 'publishedAt', 'content', 'format'];

interface Props {
  onAdded: (sourceId: string) => void;
  onCancel: () => void;
}

/** A source from pasted text or a file read in the browser; the server's errors show next to the field they name. */
export function AddSourceForm({ onAdded, onCancel }: Props) {
  const id = useId();
  const addSource = useAddSource();
  const [fields, setFields] = useState({ title: '', publisher: '', author: '', url: '', publishedAt: '' });
  const [content, setContent] = useState(EMPTY_CONTENT);

  const { errors, general } = formErrors(addSource.error, FIELDS);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const optional = (value: string) => value.trim() || undefined;
    addSource.mutate(
      {
        title: fields.title,
        publisher: optional(fields.publisher),
        author: optional(fields.author),
        url: optional(fields.url),
        publishedAt: optional(fields.publishedAt),
        ...contentInput(content),
      },
      { onSuccess: (created) => onAdded(created.source.id) },
    );
  };

  const input = (name: keyof typeof fields, label: string, extra: { placeholder?: string; type?: string; required?: boolean } = {}) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>
        {label}
        {extra.required ? '' : <span className="field-hint"> (optional)</span>}
      </label>
      <input
        id={`${id}-${name}`}
        type={extra.type ?? 'text'}
        value={fields[name]}
        placeholder={extra.placeholder}
        aria-invalid={!!errors[name]}
        aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
        onChange={(e) => setFields((f) => ({ ...f, [name]: e.target.value }))}
      />
      {errors[name] && (
        <p id={`${id}-${name}-error`} className="field-error">
          {errors[name]}
        </p>
      )}
    </div>
  );
  const contentError = errors.content ?? errors.format;

  return (
    <form className="add-source" aria-label="Add source" onSubmit={onSubmit} noValidate>
      <h3>Add source</h3>
      {input('title', 'Title', { required: true })}
      <div className="field-row">
        {input('publisher', 'Publisher', { placeholder: 'The Washington Post' })}
        {input('author', 'Author')}
      </div>
      <div className="field-row">
        {input('url', 'URL', { type: 'url', placeholder: 'https://' })}
        {input('publishedAt', 'Published', { placeholder: '2025-03-13' })}
      </div>
      <SourceContentField value={content} onChange={setContent} error={contentError} placeholder="Paste the article's text, or choose a file below" />
      <FormFooter label="Add source" pendingLabel="Adding…" pending={addSource.isPending} error={general} onCancel={onCancel} />
    </form>
  );
}
