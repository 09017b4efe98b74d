/** Undo/redo over immutable snapshots: pure, so it is tested without a canvas. */
export interface History<T> {
  past: T[];
  future: T[];
}

const LIMIT = 100;

export const emptyHistory = <T>(): History<T> => ({ past: [], future: [] });

/** Records the state before a change; a new change forgets what could be redone. */
export function record<T>(history: History<T>, before: T): History<T> {
  return { past: [...history.past, before].slice(-LIMIT), future: [] };
}

export function undo<T>(history: History<T>, current: T): { history: History<T>; state: T } | null {
  const state = history.past.at(-1);
  if (state === undefined) return null;
  return { history: { past: history.past.slice(0, -1), future: [current, ...history.future] }, state };
}

export function redo<T>(history: History<T>, current: T): { history: History<T>; state: T } | null {
  const state = history.future[0];
  if (state === undefined) return null;
  return { history: { past: [...history.past, current], future: history.future.slice(1) }, state };
}
