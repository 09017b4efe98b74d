import { useState } from 'react';
import type { SavedQuery } from '../../shared/contract';
import { draftOf, isDirty, type Draft } from './query-draft';

const versionOf = (query?: SavedQuery) => (query ? `${query.id}@${query.version}` : null);

/**
 * The draft of a query, started from the saved one. When a new version arrives (this user saved or restored),
 * the draft starts again from it, unless it holds unsaved changes: those are kept, and saving them is refused
 * as stale, with the reason.
 */
export function useDraft(saved?: SavedQuery) {
  const [base, setBase] = useState(saved);
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  if (versionOf(saved) !== versionOf(base)) {
    setBase(saved);
    if (!isDirty(draft, base)) setDraft(draftOf(saved));
  }
  return { draft, setDraft, dirty: isDirty(draft, saved), discard: () => setDraft(draftOf(saved)) };
}
