import { useId } from 'react';
import type { SourceVersion } from '../../shared/contract';

function describe(v: SourceVersion, current: number): string {
  const about = [v.at?.slice(0, 10), v.by, v.note].filter(Boolean).join(' · ');
  return `Version ${v.version}${v.version === current ? ' (current)' : ''}${about ? ` — ${about}` : ''}`;
}

interface Props {
  versions: SourceVersion[];
  shown: number;
  /** A version to read; `undefined` for the current one. */
  onShow: (version: number | undefined) => void;
}

/** Which version of a corrected source's text to read, newest first; nothing for a text never corrected. */
export function VersionPicker({ versions, shown, onShow }: Props) {
  const id = useId();
  const current = versions.length;
  if (current < 2) return null;
  return (
    <div className="field version-picker">
      <label htmlFor={id}>Text version</label>
      <select id={id} value={shown} onChange={(e) => onShow(Number(e.target.value) === current ? undefined : Number(e.target.value))}>
        {[...versions].reverse().map((v) => (
          <option key={v.version} value={v.version}>
            {describe(v, current)}
          </option>
        ))}
      </select>
    </div>
  );
}
