import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type WorkflowGraph, workflowGraphSchema } from '../../../core/workflows/model.js';
import { SHIPPED_WORKFLOWS } from '../../../core/workflows/shipped.js';
import { graphProblems } from '../../../core/workflows/validate.js';
import {
  edgeConditionDraft,
  edgeConditionLogic,
} from '../../../web/src/features/workflows/designer/edge-condition.js';
import {
  addNode,
  connect,
  connectRefusal,
  disconnect,
  freshNodeId,
  moveNode,
  newNode,
  PALETTE_TYPES,
  removeNode,
  replaceNode,
  setEdgeCondition,
} from '../../../web/src/features/workflows/designer/graph.js';
import {
  completeLayout,
  layeredLayout,
  NODE_HEIGHT,
  NODE_WIDTH,
  placeForNew,
} from '../../../web/src/features/workflows/designer/layout.js';
import { designProblems } from '../../../web/src/features/workflows/designer/problems.js';

const leave = () => {
  const shipped = SHIPPED_WORKFLOWS.find((workflow) => workflow.key === 'leave_request');
  if (!shipped) throw new Error('the leave process is not shipped');
  return structuredClone(shipped.graph) as WorkflowGraph;
};
const approved = { '==': [{ var: 'decision' }, 'approved'] };

const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;

describe('editing a graph in the designer', () => {
  it('adds a notification after the approval and, once wired in, the graph validates again', () => {
    let graph = leave();
    const step = newNode(graph, 'notification', 'Tell the front desk');
    graph = addNode(graph, step, placeForNew(completeLayout(graph), 'approve'));

    expect(step.id).toBe('notification_1');
    expect(designProblems(graph).map((problem) => [problem.kind, problem.nodeId])).toEqual([
      ['graph', 'notification_1'],
      ['graph', 'notification_1'],
    ]);

    graph = connect(graph, 'approve', step.id);
    graph = setEdgeCondition(graph, graph.edges.length - 1, approved);
    graph = disconnect(
      graph,
      graph.edges.findIndex((edge) => edge.from === 'approve' && edge.to === 'tell_granted'),
    );
    expect(graphProblems(graph)).toEqual([
      '"notification_1" is a dead end: every step except an end needs a way out',
      '"tell_granted" cannot be reached from the start',
    ]);

    graph = connect(graph, step.id, 'tell_granted');
    expect(designProblems(graph)).toEqual([]);
    expect(workflowGraphSchema.parse(graph)).toEqual(graph);
  });

  it('finds nothing wrong with any shipped process, reminders, escalations and triggers included', () => {
    for (const { graph } of SHIPPED_WORKFLOWS) expect(designProblems(graph)).toEqual([]);
  });

  it('points a reminder without a deadline at its step', () => {
    const graph = leave();
    const approve = graph.nodes.find((node) => node.id === 'approve');
    if (approve?.type !== 'approval') throw new Error('the leave process has no approval');
    const { dueInHours: _due, ...undated } = approve;
    const edited = replaceNode(graph, { ...undated, remindBeforeHours: 4 });
    expect(designProblems(edited)).toEqual([
      { kind: 'graph', nodeId: 'approve', issue: { code: 'deadline_needed', nodeId: 'approve' } },
    ]);
  });

  it('gives every palette step settings that pass the schema and an id of its own', () => {
    let graph = leave();
    for (const type of [...PALETTE_TYPES, ...PALETTE_TYPES]) {
      const node = newNode(graph, type, 'Step');
      expect(graph.nodes.some((existing) => existing.id === node.id)).toBe(false);
      graph = addNode(graph, node, { x: 0, y: 0 });
    }
    expect(designProblems(graph).filter((problem) => problem.kind === 'settings')).toEqual([]);
    expect(freshNodeId(graph, 'timer')).toBe('timer_3');
  });

  it('refuses edges the engine could never run and leaves the graph as it was', () => {
    const graph = leave();
    expect(connectRefusal(graph, 'approve', 'approve')).toBe('same_node');
    expect(connectRefusal(graph, 'end', 'approve')).toBe('from_end');
    expect(connectRefusal(graph, 'approve', 'start')).toBe('into_start');
    expect(connectRefusal(graph, 'start', 'approve')).toBe('exists');
    expect(connectRefusal(graph, 'start', 'nowhere')).toBe('unknown_node');
    expect(connect(graph, 'end', 'approve')).toBe(graph);
    expect(connectRefusal(graph, 'tell_granted', 'tell_refused')).toBeNull();
  });

  it('removes a step with its edges and position, but never the start', () => {
    const graph = { ...leave(), layout: completeLayout(leave()) };
    const without = removeNode(graph, 'tell_refused');
    expect(without.nodes.map((node) => node.id)).not.toContain('tell_refused');
    expect(without.edges.some((edge) => edge.to === 'tell_refused' || edge.from === 'tell_refused')).toBe(
      false,
    );
    expect(without.layout?.tell_refused).toBeUndefined();
    expect(removeNode(graph, 'start')).toBe(graph);
  });

  it('clears a condition so the edge becomes the default way out', () => {
    const graph = leave();
    const index = graph.edges.findIndex((edge) => edge.when !== undefined);
    const cleared = setEdgeCondition(graph, index, undefined);
    expect('when' in (cleared.edges[index] ?? {})).toBe(false);
  });

  it('keeps a position the admin dragged to, rounded, over the automatic one', () => {
    const graph = moveNode(leave(), 'approve', { x: 500.4, y: 12.6 });
    expect(completeLayout(graph).approve).toEqual({ x: 500, y: 13 });
    expect(completeLayout(graph).start).toEqual(layeredLayout(graph).start);
  });
});

describe('the layered layout', () => {
  it('draws each step after the steps leading to it, and loops back without moving left', () => {
    const supervision = SHIPPED_WORKFLOWS.find((workflow) => workflow.key === 'supervision')?.graph;
    if (!supervision) throw new Error('the supervision process is not shipped');
    const at = layeredLayout(supervision);
    expect(at.start?.x).toBeLessThan(at.report?.x ?? 0);
    expect(at.report?.x).toBeLessThan(at.review?.x ?? 0);
    expect(at.review?.x).toBeLessThan(at.end?.x ?? 0);
  });

  it('never puts two steps of any shipped or random graph on top of each other', () => {
    for (const { graph } of SHIPPED_WORKFLOWS) {
      const points = Object.values(layeredLayout(graph));
      expect(points).toHaveLength(graph.nodes.length);
      points.forEach((a, i) => {
        points.slice(i + 1).forEach((b) => {
          expect(overlap(a, b)).toBe(false);
        });
      });
    }
    const randomGraph = fc.integer({ min: 2, max: 14 }).chain((size) =>
      fc.record({
        size: fc.constant(size),
        edges: fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 2 }),
      }),
    );
    fc.assert(
      fc.property(randomGraph, ({ size, edges }) => {
        const graph: WorkflowGraph = {
          nodes: Array.from({ length: size }, (_, n) => ({ id: `n${n}`, type: 'condition', label: 'x' })),
          edges: edges.map(([from, to]) => ({ from: `n${from}`, to: `n${to}` })),
        };
        const points = Object.values(layeredLayout(graph));
        expect(points).toHaveLength(size);
        points.forEach((a, i) => {
          points.slice(i + 1).forEach((b) => {
            expect(overlap(a, b)).toBe(false);
          });
        });
      }),
    );
  });

  it('places a new step beside the selected one where nothing else stands', () => {
    const layout = completeLayout(leave());
    const spot = placeForNew(layout, 'approve');
    expect(spot.x).toBeGreaterThan(layout.approve?.x ?? Number.POSITIVE_INFINITY);
    for (const point of Object.values(layout)) expect(overlap(spot, point)).toBe(false);
  });
});

describe('an edge condition in the rules editor’s rows', () => {
  it('reads the shipped approval condition as one row and writes it back unchanged', () => {
    const draft = edgeConditionDraft(approved);
    expect(draft.clauses).toEqual([{ fact: 'decision', field: '', op: '==', value: 'approved' }]);
    expect(edgeConditionLogic(draft)).toEqual(approved);
  });

  it('compares a free data field as a number when a number is typed, and no rows mean no condition', () => {
    const draft = edgeConditionDraft(undefined);
    expect(edgeConditionLogic(draft)).toBeUndefined();
    const logic = edgeConditionLogic({
      match: 'any',
      clauses: [
        { fact: 'operational', field: 'days', op: '>', value: '3' },
        { fact: 'decision', field: '', op: '==', value: 'rejected' },
      ],
      rawCondition: null,
    });
    expect(logic).toEqual({
      or: [{ '>': [{ var: 'days' }, 3] }, { '==': [{ var: 'decision' }, 'rejected'] }],
    });
    expect(edgeConditionDraft(logic).clauses[0]).toEqual({
      fact: 'operational',
      field: 'days',
      op: '>',
      value: '3',
    });
  });

  it('keeps a condition the rows cannot show as it was written', () => {
    const written = { in: [{ var: 'channel' }, ['web', 'phone']] };
    const draft = edgeConditionDraft(written);
    expect(draft.rawCondition).toEqual(written);
    expect(edgeConditionLogic(draft)).toEqual(written);
  });
});
