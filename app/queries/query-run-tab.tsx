import { useState } from 'react';
import type { RunResult, SavedQuery } from '../../shared/contract';
import { cypherPosition, fieldErrors } from './api-errors';
import { CypherEditor } from './cypher-editor';
import type { Vocabulary } from './cypher-completion';
import { formParams, withDefaults, type FormValues } from './param-values';
import { ParameterForm, type SelectedNode } from './parameter-form';
import { declaredParameters, type Draft } from './query-draft';
import { QueryError } from './query-error';
import { ResultView } from './result-view';
import { useQueryRun } from './use-query-run';

interface Props {
  /** The saved query, when the draft runs as it: it then runs as saved, its parameters typed on the server. */
  saved: SavedQuery | undefined;
  draft: Draft;
  onCypher: (cypher: string) => void;
  schema: Omit<Vocabulary, 'parameters'>;
  /** The last save's error: a syntax error is marked in the editor. */
  saveError: Error | null;
  selectedNode: SelectedNode | null;
  onOpenResult: ((result: RunResult, mode: 'merge' | 'replace') => void) | null;
}

/** The editor, the parameter form, the run, and what it returned. */
export function QueryRunTab({ saved, draft, onCypher, schema, saveError, selectedNode, onOpenResult }: Props) {
  const parameters = declaredParameters(draft);
  const [values, setValues] = useState<FormValues>({});
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const outcome = useQueryRun();
  const editorError = cypherPosition(outcome.error) ? outcome.error : cypherPosition(saveError) ? saveError : null;
  const adhocDates = !saved && parameters.some((p) => p.type === 'date');

  const run = () => {
    if (!draft.cypher.trim() || outcome.running) return;
    const { params, errors } = formParams(parameters, values);
    setFormErrors(errors);
    if (Object.keys(errors).length > 0) return;
    if (saved) outcome.run({ saved }, params);
    else outcome.run({ cypher: draft.cypher }, withDefaults(parameters, params));
  };

  return (
    <>
      <CypherEditor value={draft.cypher} onChange={onCypher} vocabulary={{ ...schema, parameters: parameters.map((p) => p.name) }} error={cypherPosition(editorError)} onRun={run} />
      <QueryError error={editorError} action="run the query" />
      {!saved && draft.cypher.trim() && (
        <p className="queries-note">
          Unsaved Cypher or parameters: runs as ad-hoc Cypher.{adhocDates && ' Date parameters then arrive as text (YYYY-MM-DD): save the query to run them as dates.'}
        </p>
      )}
      <ParameterForm parameters={parameters} values={values} onChange={setValues} errors={{ ...fieldErrors(outcome.error, 'params'), ...formErrors }} selectedNode={selectedNode} />
      <div className="queries-run-row">
        <button type="button" className="queries-primary" disabled={!draft.cypher.trim() || outcome.running} onClick={run}>
          {outcome.running ? 'Running…' : 'Run'}
        </button>
        <span className="queries-note">Ctrl+Enter in the editor</span>
      </div>
      {!cypherPosition(outcome.error) && <QueryError error={outcome.error} action="run the query" />}
      {outcome.result && <ResultView key={outcome.count} result={outcome.result} name={draft.name || 'query-result'} onOpen={onOpenResult && ((mode) => onOpenResult(outcome.result!, mode))} />}
    </>
  );
}
