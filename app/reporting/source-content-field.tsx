import { useId, useState, type ChangeEvent } from 'react';
import type { SourceInput } from '../../shared/contract';

type Format = NonNullable<SourceInput['format']>;
const ACCEPT = '.txt,.md,.markdown,.html,.htm';

/** A source's text as typed or read from a file, with how it is written. */
export interface SourceContent {
  content: string;
  file: { name: string; format: Format } | null;
}
export const EMPTY_CONTENT: SourceContent = { content: '', file: null };

/** The content part of a request: the text and its format (a pasted text is plain text). */
export const contentInput = ({ content, file }: SourceContent) => ({ content, format: file?.format ?? 'text' });

/** How a file's text is written, from its name: `.md` Markdown, `.html` HTML (reduced to its article), else plain text. */
function formatOf(fileName: string): Format {
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
  value: SourceContent;
  onChange: (value: SourceContent) => void;
  /** The server's complaint about the content or its format. */
  error?: string;
  placeholder: string;
}

/** The text of a source, pasted or read from a .txt, .md or .html file: used to add a source and to correct one. */
export function SourceContentField({ value, onChange, error, placeholder }: Props) {
  const id = useId();
  const [fileError, setFileError] = useState<string | null>(null);
  const { file } = value;

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    setFileError(null);
    if (!chosen) return;
    try {
      onChange({ content: await readText(chosen), file: { name: chosen.name, format: formatOf(chosen.name) } });
    } catch {
      setFileError(`Could not read ${chosen.name}.`);
    }
  };

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-content`}>Text</label>
        <textarea
          id={`${id}-content`}
          rows={8}
          value={value.content}
          placeholder={placeholder}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-content-error` : undefined}
          onChange={(e) => onChange({ content: e.target.value, file: null })}
        />
        {error && (
          <p id={`${id}-content-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>Or a file (.txt, .md, .html)</label>
        <input id={`${id}-file`} type="file" accept={ACCEPT} onChange={(e) => void onFile(e)} />
        {file && <p className="field-hint">Read {file.name} as {file.format === 'html' ? 'HTML (the server keeps the article text)' : file.format === 'markdown' ? 'Markdown' : 'plain text'}.</p>}
        {fileError && <p className="field-error">{fileError}</p>}
      </div>
    </>
  );
}
