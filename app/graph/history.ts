/** Undo/redo over immutable snapshots: pure, so it is tested without a canvas. */
export interface History<T> {
  past: T[];
  future: T[];
}

const LIMIT = 100;

export const emptyHistory = <T>(): History<T> => ({ past: [], future: [] });

/** A cap on what the kept states weigh in all (e.g. elements on the canvas), besides the cap on their number. */
export interface HistoryBudget<T> {
  size: (state: T) => number;
  max: number;
}

/**
 * Records the state before a change; a new change forgets what could be redone. With a budget, the oldest states
 * go first once the kept ones weigh more than `max` (the latest is always kept).
 */
export function record<T>(history: History<T>, before: T, budget?: HistoryBudget<T>): History<T> {
  const past = [...history.past, before].slice(-LIMIT);
  if (budget) {
    let weight = past.reduce((sum, state) => sum + budget.size(state), 0);
    while (past.length > 1 && weight > budget.max) weight -= budget.size(past.shift()!);
  }
  return { past, future: [] };
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
