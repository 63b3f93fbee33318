/**
 * The designer's undo and redo, as pure functions over immutable snapshots (the graphs graph.ts
 * makes). A burst of edits of one kind to one thing — the moves of a drag, the keystrokes of a
 * label — becomes one step: an edit with the same `group` as the last one, within `MERGE_MS`,
 * replaces it instead of stacking on it.
 */

export const HISTORY_LIMIT = 100;
export const MERGE_MS = 1000;

export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** What the last edit changed and when, for merging the next one into it. */
  readonly last: { readonly group: string; readonly at: number } | null;
}

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], last: null };
}

/** Records `next` as the present; what could be redone is dropped, as in every editor. */
export function record<T>(history: History<T>, next: T, group: string | null, at: number): History<T> {
  if (Object.is(next, history.present)) return history;
  const merges =
    group !== null &&
    history.last?.group === group &&
    at - history.last.at <= MERGE_MS &&
    history.past.length > 0;
  const past = merges ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], last: group === null ? null : { group, at } };
}

export const canUndo = <T>(history: History<T>) => history.past.length > 0;
export const canRedo = <T>(history: History<T>) => history.future.length > 0;

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    last: null,
  };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, last: null };
}
