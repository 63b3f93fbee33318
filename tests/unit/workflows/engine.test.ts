import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, type InstanceState, initialState, WorkflowStuck } from '../../../core/workflows/engine.js';
import { type WorkflowGraph, workflowGraphSchema } from '../../../core/workflows/model.js';
import { SHIPPED_WORKFLOWS } from '../../../core/workflows/shipped.js';
import { graphProblems } from '../../../core/workflows/validate.js';

const director = { kind: 'role', role: 'director' } as const;
const task = (id: string) => ({ id, type: 'form_task', label: id, assignee: director }) as const;

const parallel: WorkflowGraph = {
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'split', type: 'parallel_split' },
    task('a'),
    task('b'),
    { id: 'join', type: 'parallel_join' },
    { id: 'end', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'split' },
    { from: 'split', to: 'a' },
    { from: 'split', to: 'b' },
    { from: 'a', to: 'join' },
    { from: 'b', to: 'join' },
    { from: 'join', to: 'end' },
  ],
};

const branching: WorkflowGraph = {
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'check', type: 'condition', label: 'urgent?' },
    task('urgent'),
    { id: 'later', type: 'timer', label: 'wait a day', waitMinutes: 1440 },
    { id: 'end', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'check' },
    { from: 'check', to: 'urgent', when: { '>=': [{ var: 'risk' }, 3] } },
    { from: 'check', to: 'later' },
    { from: 'urgent', to: 'end' },
    { from: 'later', to: 'end' },
  ],
};

describe('validating a workflow graph', () => {
  it('accepts the shipped processes', () => {
    for (const shipped of SHIPPED_WORKFLOWS) {
      expect(workflowGraphSchema.parse(shipped.graph)).toEqual(shipped.graph);
      expect(graphProblems(shipped.graph)).toEqual([]);
    }
    expect(graphProblems(parallel)).toEqual([]);
    expect(graphProblems(branching)).toEqual([]);
  });

  it('names a missing or doubled start, unreachable nodes and dead ends', () => {
    const noStart = {
      nodes: [task('a'), { id: 'end', type: 'end' }],
      edges: [{ from: 'a', to: 'end' }],
    } as WorkflowGraph;
    expect(graphProblems(noStart)).toContain('a workflow has exactly one start node; this one has 0');

    const island: WorkflowGraph = {
      nodes: [{ id: 'start', type: 'start' }, task('a'), task('orphan'), { id: 'end', type: 'end' }],
      edges: [
        { from: 'start', to: 'a' },
        { from: 'a', to: 'end' },
        { from: 'orphan', to: 'end' },
      ],
    };
    expect(graphProblems(island)).toEqual(['"orphan" cannot be reached from the start']);

    const deadEnd: WorkflowGraph = {
      nodes: [{ id: 'start', type: 'start' }, task('a'), { id: 'end', type: 'end' }],
      edges: [
        { from: 'start', to: 'a' },
        { from: 'start', to: 'end' },
      ],
    };
    expect(graphProblems(deadEnd)).toEqual(['"a" is a dead end: every step except an end needs a way out']);
  });

  it('rejects unknown operators in edge conditions and edges to nowhere', () => {
    const bad: WorkflowGraph = {
      ...branching,
      edges: [
        ...branching.edges.slice(0, 1),
        { from: 'check', to: 'urgent', when: { eval: 'x' } },
        ...branching.edges.slice(2),
        { from: 'end', to: 'ghost' },
      ],
    };
    const problems = graphProblems(bad);
    expect(problems).toContain('the condition on check → urgent: unknown operator "eval"');
    expect(problems).toContain('edge 6 enters "ghost", which is not a node');
    expect(problems).toContain('the end node "end" must not lead anywhere');
  });

  it('finds every node unreachable in a random chain cut in two', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 11 }), (length, cutAt) => {
        const cut = cutAt % length;
        const ids = Array.from({ length }, (_, i) => `t${i}`);
        const graph: WorkflowGraph = {
          nodes: [{ id: 'start', type: 'start' }, ...ids.map(task), { id: 'end', type: 'end' }],
          edges: [
            { from: 'start', to: 't0' },
            ...ids
              .map((id, i) => ({ from: id, to: i + 1 < length ? `t${i + 1}` : 'end' }))
              .filter((_, i) => i !== cut),
            { from: `t${cut}`, to: 'end' },
          ],
        };
        const unreachable = graphProblems(graph).filter((p) => p.includes('cannot be reached'));
        expect(unreachable).toHaveLength(Math.max(0, length - cut - 1));
      }),
    );
  });
});

describe('running a workflow', () => {
  it('waits for both parallel branches before passing the join', () => {
    const started = advance(parallel, initialState(), {}, { kind: 'start' }, 0);
    expect(started.state.waiting).toEqual(['a', 'b']);
    const afterA = advance(parallel, started.state, {}, { kind: 'resume', nodeId: 'a' }, 0);
    expect(afterA).toMatchObject({ finished: false, state: { waiting: ['b'], arrivals: { join: 1 } } });
    const afterB = advance(parallel, afterA.state, {}, { kind: 'resume', nodeId: 'b' }, 0);
    expect(afterB).toMatchObject({
      finished: true,
      visited: ['join', 'end'],
      state: { waiting: [], arrivals: {} },
    });
  });

  it('follows the edge whose condition holds, else the default', () => {
    const urgent = advance(branching, initialState(), { risk: 4 }, { kind: 'start' }, 0);
    expect(urgent.state.waiting).toEqual(['urgent']);
    const calm = advance(branching, initialState(), { risk: 1 }, { kind: 'start' }, 1000);
    expect(calm.effects).toEqual([{ kind: 'timer', nodeId: 'later', fireAt: 1000 + 1440 * 60_000 }]);
    expect(advance(branching, calm.state, { risk: 1 }, { kind: 'resume', nodeId: 'later' }, 0).finished).toBe(
      true,
    );
  });

  it('refuses to resume where the instance is not waiting, so a retry cannot advance twice', () => {
    const started = advance(branching, initialState(), { risk: 4 }, { kind: 'start' }, 0);
    const done = advance(branching, started.state, {}, { kind: 'resume', nodeId: 'urgent' }, 0);
    expect(() => advance(branching, done.state, {}, { kind: 'resume', nodeId: 'urgent' }, 0)).toThrow(
      WorkflowStuck,
    );
  });

  it('loops back on rejection in the shipped supervision process, through access and delivery again', () => {
    const graph = SHIPPED_WORKFLOWS.find((w) => w.key === 'supervision')?.graph as WorkflowGraph;
    const through = (state: InstanceState, ids: string[], data = {}) =>
      ids.reduce((at, nodeId) => advance(graph, at, data, { kind: 'resume', nodeId }, 0).state, state);
    let run = advance(graph, initialState(), {}, { kind: 'start' }, 0);
    const atReview = through(run.state, ['report', 'ask', 'share']);
    expect(atReview.waiting).toEqual(['review']);
    run = advance(graph, atReview, { decision: 'rejected' }, { kind: 'resume', nodeId: 'review' }, 0);
    expect(run.state.waiting).toEqual(['report']);
    const again = through(run.state, ['report', 'ask', 'share']);
    run = advance(graph, again, { decision: 'approved' }, { kind: 'resume', nodeId: 'review' }, 0);
    expect(run.finished).toBe(true);
  });
});
