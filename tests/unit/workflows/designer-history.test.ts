import { describe, expect, it } from 'vitest';
import type { WorkflowGraph } from '../../../core/workflows/model.js';
import { SHIPPED_WORKFLOWS } from '../../../core/workflows/shipped.js';
import {
  addNode,
  connect,
  disconnect,
  moveNode,
  newNode,
  removeNode,
  setEdgeCondition,
} from '../../../web/src/features/workflows/designer/graph.js';
import {
  canRedo,
  canUndo,
  HISTORY_LIMIT,
  MERGE_MS,
  record,
  redo,
  startHistory,
  undo,
} from '../../../web/src/features/workflows/designer/history.js';

const leave = (): WorkflowGraph => {
  const shipped = SHIPPED_WORKFLOWS.find((workflow) => workflow.key === 'leave_request');
  if (!shipped) throw new Error('the leave process is shipped');
  return structuredClone(shipped.graph);
};

describe('the designer’s undo history', () => {
  it('undoes and redoes an add, a connect, a condition and a delete in order', () => {
    const start = leave();
    const step = newNode(start, 'notification', '通知前台');
    const added = addNode(start, step, { x: 400, y: 300 });
    const wired = connect(added, 'approve', step.id);
    const conditioned = setEdgeCondition(wired, wired.edges.length - 1, { '==': [{ var: 'decision' }, 'x'] });
    const removed = removeNode(conditioned, step.id);

    let history = startHistory(start);
    history = record(history, added, 'add', 0);
    history = record(history, wired, 'connect', 10);
    history = record(history, conditioned, `edge:${wired.edges.length - 1}`, 20);
    history = record(history, removed, 'delete', 30);

    const seen: WorkflowGraph[] = [];
    while (canUndo(history)) {
      history = undo(history);
      seen.push(history.present);
    }
    expect(seen).toEqual([conditioned, wired, added, start]);
    expect(canRedo(history)).toBe(true);
    history = redo(redo(history));
    expect(history.present).toEqual(wired);
    expect(history.present.edges.some((edge) => edge.to === step.id)).toBe(true);
  });

  it('makes the moves of one drag a single step, and two drags two', () => {
    const start = leave();
    let history = startHistory(start);
    let graph = start;
    for (let i = 1; i <= 20; i += 1) {
      graph = moveNode(graph, 'approve', { x: 100 + i * 5, y: 100 });
      history = record(history, graph, 'move:approve', i * 16);
    }
    expect(history.past).toEqual([start]);
    const afterFirstDrag = graph;
    graph = moveNode(graph, 'approve', { x: 0, y: 0 });
    history = record(history, graph, 'move:approve', 20 * 16 + MERGE_MS + 1);
    expect(history.past).toEqual([start, afterFirstDrag]);
    expect(undo(history).present).toEqual(afterFirstDrag);
    expect(undo(undo(history)).present).toEqual(start);
  });

  it('never merges edits of different things', () => {
    const start = leave();
    const moved = moveNode(start, 'approve', { x: 10, y: 10 });
    const movedOther = moveNode(moved, 'end', { x: 20, y: 20 });
    let history = record(startHistory(start), moved, 'move:approve', 0);
    history = record(history, movedOther, 'move:end', 1);
    expect(history.past).toEqual([start, moved]);
  });

  it('drops what could be redone once a new edit is made', () => {
    const start = leave();
    const first = disconnect(start, 0);
    const other = moveNode(start, 'end', { x: 5, y: 5 });
    let history = record(startHistory(start), first, 'disconnect', 0);
    history = undo(history);
    expect(canRedo(history)).toBe(true);
    history = record(history, other, 'move:end', 5);
    expect(canRedo(history)).toBe(false);
    expect(history.present).toEqual(other);
    expect(undo(history).present).toEqual(start);
  });

  it('keeps the last HISTORY_LIMIT steps and ignores an edit that changes nothing', () => {
    const start = leave();
    let history = startHistory(start);
    let graph = start;
    for (let i = 0; i < HISTORY_LIMIT + 20; i += 1) {
      graph = moveNode(graph, 'end', { x: i, y: 0 });
      history = record(history, graph, null, i);
    }
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(record(history, history.present, 'x', 0)).toBe(history);
    expect(undo(startHistory(start)).present).toBe(start);
    expect(redo(startHistory(start)).present).toBe(start);
  });
});
