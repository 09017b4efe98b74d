import { useMemo, useRef, type KeyboardEvent } from 'react';
import type { Evidence, SourceDetails } from '../../shared/contract';
import { segments, type Segment } from './segments';
import { quoteFromSelection, type Quoted } from './text-offsets';

export type Mention = SourceDetails['mentions'][number];
export type Picked = Segment<Evidence, Mention>;

interface Props {
  text: string;
  evidence: Evidence[];
  mentions: Mention[];
  /** A piece of text under quotes or mentions was clicked (or pressed with Enter). */
  onPick: (segment: Picked) => void;
  /** Text was selected: its quote and offsets in the stored text. */
  onSelect?: (quoted: Quoted) => void;
  /** The quote the claim form is about, marked while the form is open. */
  pending?: Quoted | null;
}

/**
 * The stored text in one pre-wrapped block, quotes underlined and mentions highlighted. Nothing but the text itself
 * is rendered inside the block, so offsets counted in the DOM are offsets in the stored text.
 */
export function SourceText({ text, evidence, mentions, onPick, onSelect, pending }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const pieces = useMemo(() => segments(text.length, evidence, mentions, pending ? [pending] : []), [text, evidence, mentions, pending]);

  const selected = () => {
    if (!onSelect || !root.current) return;
    const quoted = quoteFromSelection(root.current, document.getSelection(), text);
    if (quoted) onSelect(quoted);
  };
  const pick = (segment: Picked) => {
    // The end of a drag that selected text is not a click on what it ended on.
    if (document.getSelection()?.isCollapsed === false) return;
    onPick(segment);
  };
  const onKey = (segment: Picked) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick(segment);
    }
  };

  return (
    <div ref={root} className="reader-text" onMouseUp={selected} onKeyUp={(e) => e.shiftKey && selected()}>
      {pieces.map((s) => {
        const piece = text.slice(s.start, s.end);
        const marked = s.marks.length > 0 ? 'reader-pending' : '';
        if (s.quotes.length === 0 && s.mentions.length === 0)
          return marked ? (
            <mark key={s.start} className={marked}>
              {piece}
            </mark>
          ) : (
            piece
          );
        const className = [s.quotes.length > 0 && 'reader-quote', s.mentions.length > 0 && 'reader-mention', marked].filter(Boolean).join(' ');
        return (
          <span key={s.start} className={className} role="button" tabIndex={0} onClick={() => pick(s)} onKeyDown={onKey(s)}>
            {piece}
          </span>
        );
      })}
    </div>
  );
}
