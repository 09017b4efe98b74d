import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import type { SourceInput } from '../../shared/contract';
import { ApiRequestError } from '../api/client';
import { useAddSource } from './api/use-add-source';
import { errorsByField } from './field-errors';

type Format = NonNullable<SourceInput['format']>;
const FIELDS = ['title', 'publisher', 'author', 'url', 'publishedAt', 'content', 'format'];
const ACCEPT = '.txt,.md,.markdown,.html,.htm';

/** How a file's text is written, from its name: `.md` Markdown, `.html` HTML (reduced to its article), else plain text. */
export function formatOf(fileName: string): Format {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return ext === 'md' || ext === 'markdown' ? 'markdown' : ext === 'html' || ext === 'htm' ? 'html' : 'text';
}

/** A file's text, read in the browser (FileReader: older browsers and jsdom lack Blob.text). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });
}

interface Props {
  onAdded: (sourceId: string) => void;
  onCancel: () => void;
}

/** A source from pasted text or a file read in the browser; the server's errors show next to the field they name. */
export function AddSourceForm({ onAdded, onCancel }: Props) {
  const id = useId();
  const addSource = useAddSource();
  const [fields, setFields] = useState({ title: '', publisher: '', author: '', url: '', publishedAt: '' });
  const [content, setContent] = useState('');
  const [file, setFile] = useState<{ name: string; format: Format } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const error = addSource.error;
  const errors = error instanceof ApiRequestError ? errorsByField(error.details, FIELDS) : {};
  const general = error && (!(error instanceof ApiRequestError) || error.details.length === 0 || errors['']) ? (errors[''] ?? error.message) : null;

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    setFileError(null);
    if (!chosen) return;
    try {
      setContent(await readText(chosen));
      setFile({ name: chosen.name, format: formatOf(chosen.name) });
    } catch {
      setFileError(`Could not read ${chosen.name}.`);
    }
  };
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
        format: file?.format ?? 'text',
        content,
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
      <div className="field">
        <label htmlFor={`${id}-content`}>Text</label>
        <textarea
          id={`${id}-content`}
          rows={8}
          value={content}
          placeholder="Paste the article's text, or choose a file below"
          aria-invalid={!!contentError}
          aria-describedby={contentError ? `${id}-content-error` : undefined}
          onChange={(e) => {
            setContent(e.target.value);
            setFile(null);
          }}
        />
        {contentError && (
          <p id={`${id}-content-error`} className="field-error">
            {contentError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>Or a file (.txt, .md, .html)</label>
        <input id={`${id}-file`} type="file" accept={ACCEPT} onChange={(e) => void onFile(e)} />
        {file && <p className="field-hint">Read {file.name} as {file.format === 'html' ? 'HTML (the server keeps the article text)' : file.format === 'markdown' ? 'Markdown' : 'plain text'}.</p>}
        {fileError && <p className="field-error">{fileError}</p>}
      </div>
      {general && (
        <p className="error" role="alert">
          {general}
        </p>
      )}
      <div className="queries-row">
        <button type="submit" className="queries-primary" disabled={addSource.isPending}>
          {addSource.isPending ? 'Adding…' : 'Add source'}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
