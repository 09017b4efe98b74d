import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { CypherPosition } from './api-errors';
import { cypherCompletion, type Vocabulary } from './cypher-completion';
import { cypherHighlight } from './cypher-highlight';
import { cypherLanguage } from './cypher-language';

interface Props {
  value: string;
  onChange: (value: string) => void;
  vocabulary: Vocabulary;
  /** A syntax error from the server, marked in the text. */
  error: CypherPosition | null;
  /** Ctrl+Enter (⌘+Enter). */
  onRun: () => void;
}

/** CodeMirror with Cypher highlighting and completion from the live schema; created once, destroyed on unmount. */
export function CypherEditor({ value, onChange, vocabulary, error, onRun }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, onRun, vocabulary });
  useLayoutEffect(() => {
    latest.current = { onChange, onRun, vocabulary };
  });

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          highlightActiveLine(),
          bracketMatching(),
          closeBrackets(),
          cypherLanguage,
          syntaxHighlighting(cypherHighlight),
          autocompletion({ override: [cypherCompletion(() => latest.current.vocabulary)] }),
          keymap.of([
            { key: 'Mod-Enter', run: () => (latest.current.onRun(), true) },
            ...closeBracketsKeymap,
            ...completionKeymap,
            ...historyKeymap,
            ...defaultKeymap,
            indentWithTab,
          ]),
          EditorView.lineWrapping,
          placeholder('MATCH (p:Person)-[r]->(o) RETURN p, r, o LIMIT 25'),
          EditorView.contentAttributes.of({ 'aria-label': 'Cypher' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; later values are pushed in by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A value from outside (another query opened, a version restored) replaces the text.
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const doc = editor.state.doc;
    const diagnostics = [];
    if (error && error.line <= doc.lines) {
      const line = doc.line(error.line);
      const from = Math.min(line.from + error.column - 1, line.to);
      diagnostics.push({ from, to: Math.min(from + 1, line.to), severity: 'error' as const, message: error.message });
    }
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  }, [error]);

  return <div className="queries-editor" ref={host} />;
}
