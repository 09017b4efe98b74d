import { useEffect, useState, type ReactNode } from 'react';
import type { DedupPair, Judgement, MergeChoice, MergePreview, WriteResult } from '../../shared/contract';
import { useDedupCandidates } from './api/use-dedup-candidates';
import { useJudgePair } from './api/use-judge-pair';
import { PairView } from './pair-view';
import './dedup.css';

export interface DuplicatesPanelProps {
  canWrite: boolean;
  onClose: () => void;
  /** What a merge would do, with a choice for each value that differs (the reporting feature's merge preview). */
  renderMerge: (preview: MergePreview, choose: Record<string, MergeChoice>, onChoose: (property: string, choice: MergeChoice) => void) => ReactNode;
  /** After "same": the canvas shows the entity that stays in place of the one merged. */
  onMerged: (merge: { from: string; into: string }, result: WriteResult) => void;
}

const KEYS: Record<string, Judgement> = { s: 'same', d: 'different', u: 'unsure' };
const keyOf = (pair: DedupPair) => `${pair.a.node.id}\n${pair.b.node.id}`;

/** The Duplicates panel: one pair at a time, judged with buttons or S / D / U, then on to the next. */
export function DuplicatesPanel({ canWrite, onClose, renderMerge, onMerged }: DuplicatesPanelProps) {
  const [withUnsure, setWithUnsure] = useState(false);
  // Pairs passed over in this visit (judged unsure while unsure ones are listed, or skipped): the next one comes up.
  const [passed, setPassed] = useState<ReadonlySet<string>>(new Set());
  const candidates = useDedupCandidates(withUnsure);
  const pair = candidates.data?.pairs.find((p) => !passed.has(keyOf(p))) ?? null;
  const pass = (p: DedupPair) => setPassed((s) => new Set(s).add(keyOf(p)));

  return (
    <aside className="dedup-panel" aria-label="Duplicates">
      <header className="queries-header">
        <h2>Duplicates</h2>
        <div className="panel-actions">
          <label className="dedup-filter">
            <input type="checkbox" checked={withUnsure} onChange={(e) => setWithUnsure(e.target.checked)} /> Show unsure
          </label>
          <button type="button" className="icon-button" aria-label="Close duplicates" onClick={onClose}>
            ×
          </button>
        </div>
      </header>
      {candidates.error && <p className="panel-status error">{candidates.error.message}</p>}
      {candidates.data && (
        <p className="panel-status">
          {candidates.data.total === 0 ? 'No pairs left to review.' : `${candidates.data.total} ${candidates.data.total === 1 ? 'pair' : 'pairs'} to review`}
          {` (${candidates.data.entities} people and organisations compared)`}
        </p>
      )}
      {!candidates.data && !candidates.error && <p className="panel-status">Looking for duplicates…</p>}
      {pair && <PairReview key={keyOf(pair)} pair={pair} canWrite={canWrite} renderMerge={renderMerge} onMerged={onMerged} onPass={() => pass(pair)} />}
      {candidates.data && candidates.data.total > 0 && !pair && (
        <p className="panel-status">
          You passed over every pair of this page.{' '}
          <button type="button" className="link" onClick={() => setPassed(new Set())}>
            Start again
          </button>
        </p>
      )}
    </aside>
  );
}

interface ReviewProps extends Pick<DuplicatesPanelProps, 'canWrite' | 'renderMerge' | 'onMerged'> {
  pair: DedupPair;
  onPass: () => void;
}

function PairReview({ pair, canWrite, renderMerge, onMerged, onPass }: ReviewProps) {
  const [choose, setChoose] = useState<Record<string, MergeChoice>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const judge = useJudgePair();
  const unsettled = pair.merge.conflicts.filter((c) => !choose[c.property]);

  const send = (judgement: Judgement) => {
    if (!canWrite || judge.isPending) return;
    if (judgement === 'same' && unsettled.length > 0) {
      setNotice(`Choose a value for ${unsettled.map((c) => c.property).join(', ')} first.`);
      return;
    }
    const merge = { from: pair.merge.from.id, into: pair.merge.into.id };
    judge.mutate(
      { a: pair.a.node.id, b: pair.b.node.id, judgement, keep: merge.into, choose },
      {
        onSuccess: (result) => {
          if (result.merge) onMerged(merge, result.merge);
          // An unsure pair stays listed when unsure ones are shown: move past it.
          if (judgement === 'unsure') onPass();
        },
      },
    );
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const judgement = KEYS[event.key.toLowerCase()];
      if (judgement) {
        event.preventDefault();
        send(judgement);
      } else if (event.key === 'n' || event.key === 'ArrowRight') onPass();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <>
      <PairView pair={pair} merge={renderMerge(pair.merge, choose, (property, side) => setChoose((c) => ({ ...c, [property]: side })))} />
      {notice && unsettled.length > 0 && <p className="error">{notice}</p>}
      {judge.error && <p className="error">Not judged: {judge.error.message}</p>}
      <div className="panel-actions dedup-actions">
        {canWrite ? (
          <>
            <button type="button" onClick={() => send('same')} disabled={judge.isPending} aria-keyshortcuts="S">
              <u>S</u>ame
            </button>
            <button type="button" onClick={() => send('different')} disabled={judge.isPending} aria-keyshortcuts="D">
              <u>D</u>ifferent
            </button>
            <button type="button" onClick={() => send('unsure')} disabled={judge.isPending} aria-keyshortcuts="U">
              <u>U</u>nsure
            </button>
          </>
        ) : (
          <span className="panel-status">Editors judge the pairs.</span>
        )}
        <button type="button" className="link" onClick={onPass} aria-keyshortcuts="N">
          Skip
        </button>
      </div>
    </>
  );
}

/** Keys typed into a field are text, not judgements; a radio or checkbox just clicked keeps the shortcuts. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName) || (target instanceof HTMLInputElement && !['radio', 'checkbox', 'button'].includes(target.type)));
