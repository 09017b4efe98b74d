import { useState } from 'react';
import type { SheetMapping } from '../../shared/contract';
import { useMappings } from './api/use-mappings';
import { useSaveMapping } from './api/use-save-mapping';

interface Props {
  mapping: SheetMapping;
  canSave: boolean;
  onLoad: (mapping: SheetMapping, name: string) => void;
}

/** Load a mapping saved for an earlier version of the sheet, or save this one under a name. */
export function SavedMappingBar({ mapping, canSave, onLoad }: Props) {
  const saved = useMappings();
  const save = useSaveMapping();
  const [name, setName] = useState('');
  const mappings = saved.data?.mappings ?? [];
  return (
    <div className="sheet-saved">
      <label>
        Load saved mapping
        <select
          value=""
          disabled={mappings.length === 0}
          onChange={(e) => {
            const chosen = mappings.find((m) => m.id === e.target.value);
            if (chosen) {
              onLoad(chosen.mapping, chosen.name);
              setName(chosen.name);
            }
          }}
        >
          <option value="">{mappings.length ? 'Choose…' : 'none saved yet'}</option>
          {mappings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} ({m.author})
            </option>
          ))}
        </select>
      </label>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ name: name.trim(), mapping });
        }}
      >
        <label>
          Save as
          <input type="text" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} placeholder="e.g. Party donations" />
        </label>
        <button type="submit" disabled={!canSave || !name.trim() || save.isPending}>
          Save mapping
        </button>
        <span role="status" className={save.isError ? 'error' : undefined}>
          {save.isSuccess && `Saved as “${save.data.name}”.`}
          {save.isError && save.error.message}
        </span>
      </form>
    </div>
  );
}
