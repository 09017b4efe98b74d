import { useState } from 'react';
import type { RunResult, SavedQuery } from '../../shared/contract';
import { useCreateQuery } from './api/use-create-query';
import { useUpdateQuery } from './api/use-update-query';
import { cypherPosition, fieldErrors } from './api-errors';
import type { Vocabulary } from './cypher-completion';
import { DeleteQuery } from './delete-query';
import { QueryDetailsForm } from './query-details-form';
import { draftInput, runsAsSaved } from './query-draft';
import { QueryError } from './query-error';
import { QueryHistory } from './query-history';
import { QueryRunTab } from './query-run-tab';
import type { SelectedNode } from './parameter-form';
import { useDraft } from './use-draft';

interface Props {
  saved: SavedQuery | undefined;
  schema: Omit<Vocabulary, 'parameters'>;
  selectedNode: SelectedNode | null;
  onOpenResult: ((result: RunResult, mode: 'merge' | 'replace') => void) | null;
  onBack: () => void;
  onCreated: (id: string) => void;
}

type Tab = 'run' | 'details' | 'history';
const TABS: { id: Tab; label: string }[] = [
  { id: 'run', label: 'Cypher and run' },
  { id: 'details', label: 'Details and parameters' },
  { id: 'history', label: 'History' },
];

/** One query, saved or new: edit it, run it, see its history; unsaved text runs as ad-hoc Cypher. */
export function QueryWorkspace({ saved, schema, selectedNode, onOpenResult, onBack, onCreated }: Props) {
  const { draft, setDraft, dirty, discard } = useDraft(saved);
  const [tab, setTab] = useState<Tab>('run');
  const create = useCreateQuery();
  const update = useUpdateQuery();
  const saveError = saved ? update.error : create.error;

  const save = () => {
    const input = draftInput(draft);
    // Show the problem where it can be fixed: the text in the editor, a name or parameter in the details.
    const onError = (error: Error) => {
      if (cypherPosition(error)) setTab('run');
      else if (Object.keys(fieldErrors(error, 'body', 'parameters')).some((field) => field !== 'baseVersion')) setTab('details');
    };
    if (!saved) create.mutate(input, { onSuccess: (created) => onCreated(created.id), onError });
    else update.mutate({ id: saved.id, input, baseVersion: saved.version }, { onError });
  };

  return (
    <div className="queries-workspace">
      <div className="queries-titlebar">
        <button type="button" className="link" onClick={onBack}>
          ← All queries
        </button>
        <span className="queries-meta">
          {saved ? `v${saved.version} · ${saved.author}` : 'Not saved'}
          {saved && dirty && ' · unsaved changes'}
        </span>
        {saved && dirty && (
          <button type="button" className="link" onClick={discard}>
            Discard changes
          </button>
        )}
        <button type="button" className="queries-primary" disabled={!dirty || create.isPending || update.isPending} onClick={save}>
          {saved ? 'Save' : 'Save query'}
        </button>
      </div>
      <h2 className="queries-title">{draft.name.trim() || 'New query'}</h2>
      {!cypherPosition(saveError) && <QueryError error={saveError} action="save the query" />}
      <div className="queries-tabs" role="tablist" aria-label="Query">
        {TABS.filter((t) => t.id !== 'history' || saved).map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {/* The run tab stays mounted, so its editor, form and result survive a look at the details. */}
      <div role="tabpanel" aria-label={TABS[0]!.label} className="queries-tabpanel" hidden={tab !== 'run'}>
        <QueryRunTab
          saved={runsAsSaved(draft, saved) ? saved : undefined}
          draft={draft}
          onCypher={(cypher) => setDraft((d) => ({ ...d, cypher }))}
          schema={schema}
          saveError={saveError}
          selectedNode={selectedNode}
          onOpenResult={onOpenResult}
        />
      </div>
      <div role="tabpanel" aria-label={TABS.find((t) => t.id === tab)!.label} className="queries-tabpanel" hidden={tab === 'run'}>
        {tab === 'details' && (
          <>
            <QueryDetailsForm draft={draft} onChange={setDraft} errors={fieldErrors(saveError, 'body')} parameterErrors={fieldErrors(saveError, 'body.parameters', 'parameters')} />
            {saved && <DeleteQuery query={saved} onDeleted={onBack} />}
          </>
        )}
        {tab === 'history' && saved && <QueryHistory query={saved} dirty={dirty} />}
      </div>
    </div>
  );
}
