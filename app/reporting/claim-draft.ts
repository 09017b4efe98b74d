import type { ClaimInput, EntityRef } from '../../shared/contract';
import type { Confidence } from '../../shared/model/graph-model';
import type { EntityChoice } from './entity-picker';
import type { Quoted } from './text-offsets';

/** What the claim form holds while a source is open: it survives errors and new selections. */
export interface ClaimDraft {
  mode: 'relationship' | 'property';
  subject: EntityChoice | null;
  type: string;
  object: EntityChoice | null;
  property: string;
  value: string;
  attribution: string;
  confidence: Confidence | '';
  dateText: string;
  date: string;
  precision: '' | 'day' | 'month' | 'year';
}

export const EMPTY_DRAFT: ClaimDraft = {
  mode: 'relationship',
  subject: null,
  type: '',
  object: null,
  property: '',
  value: '',
  attribution: '',
  confidence: '',
  dateText: '',
  date: '',
  precision: '',
};

/** After a claim is saved: the next one from the same source likely keeps who says it and how sure. */
export const nextDraft = (draft: ClaimDraft): ClaimDraft => ({ ...EMPTY_DRAFT, mode: draft.mode, attribution: draft.attribution, confidence: draft.confidence });

/** "spoke with" → SPOKE_WITH: relationship types are UPPER_SNAKE_CASE. */
export const relationshipType = (typed: string) =>
  typed
    .trim()
    .replace(/[\s-]+/g, '_')
    .toUpperCase();

const ref = (choice: EntityChoice | null): EntityRef => (!choice ? '' : 'new' in choice ? { new: { kind: choice.new.kind as never, name: choice.new.name } } : choice.id);

const precisionOf = (date: string) => (date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day');

/** The request body; the server checks everything (an empty subject comes back as an error on `subject`). */
export function claimInput(sourceId: string, version: number, quoted: Quoted, draft: ClaimDraft, allowDuplicates: boolean): ClaimInput {
  const date = draft.dateText.trim()
    ? { text: draft.dateText.trim(), date: draft.date.trim() || undefined, precision: draft.precision || (draft.date.trim() ? precisionOf(draft.date.trim()) : undefined) }
    : undefined;
  const common = {
    sourceId,
    version,
    quote: quoted.quote,
    start: quoted.start,
    end: quoted.end,
    attribution: draft.attribution,
    confidence: draft.confidence as Confidence,
    subject: ref(draft.subject),
    date,
    allowDuplicates,
  };
  return draft.mode === 'relationship'
    ? { ...common, type: relationshipType(draft.type), object: ref(draft.object) }
    : { ...common, property: draft.property.trim(), value: draft.value };
}

const ENTITY_ID = /[a-z][a-z0-9-]*:[a-z0-9][a-z0-9.-]*[a-z0-9]/g;

/**
 * A 409's likely duplicates, by side: details at `body.subject.new` or `body.object.new` each name one existing
 * entity (its id, alone or in words). Other conflicts (a retracted quote, another source's value) are not duplicates.
 */
export function duplicatesOf(details: readonly { where: string; message: string }[]): { side: 'subject' | 'object'; ids: string[] }[] {
  const sides: { side: 'subject' | 'object'; ids: string[] }[] = [];
  for (const d of details) {
    const path = d.where.split('.');
    const side = path.includes('object') ? 'object' : path.includes('subject') ? 'subject' : null;
    if (!side || !path.includes('new')) continue;
    let group = sides.find((g) => g.side === side);
    if (!group) sides.push((group = { side, ids: [] }));
    for (const id of d.message.match(ENTITY_ID) ?? []) if (!group.ids.includes(id)) group.ids.push(id);
  }
  return sides;
}
