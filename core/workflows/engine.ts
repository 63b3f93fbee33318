import { conditionHolds } from './logic.js';
import {
  isTaskNode,
  type TaskNode,
  type WorkflowData,
  type WorkflowGraph,
  type WorkflowNode,
} from './model.js';

/**
 * The workflow engine proper, free of storage: given a (validated) graph, where an instance
 * waits and its data, it moves the instance on and says what the runtime must do. The worker
 * persists the result together with its audit event in one batch.
 */

export interface InstanceState {
  /** One entry per token waiting at a task or timer node. */
  waiting: string[];
  /** Tokens that reached a parallel join whose other branches have not arrived yet. */
  arrivals: Record<string, number>;
}

export type Effect =
  | { kind: 'task'; node: TaskNode }
  | { kind: 'timer'; nodeId: string; fireAt: number }
  | { kind: 'notify'; node: Extract<WorkflowNode, { type: 'notification' }> };

export interface Advance {
  state: InstanceState;
  effects: Effect[];
  /** Every node entered, in order, for the instance's history. */
  visited: string[];
  finished: boolean;
}

export type Resume = { kind: 'start' } | { kind: 'resume'; nodeId: string };

export class WorkflowStuck extends Error {}

/** A graph whose only loops pass through waiting steps never gets near this. */
const MAX_STEPS = 500;

export const initialState = (): InstanceState => ({ waiting: [], arrivals: {} });

export function advance(
  graph: WorkflowGraph,
  current: InstanceState,
  data: WorkflowData,
  resume: Resume,
  now: number,
): Advance {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const incoming = (id: string) => graph.edges.filter((edge) => edge.to === id).length;
  const state: InstanceState = { waiting: [...current.waiting], arrivals: { ...current.arrivals } };
  const effects: Effect[] = [];
  const visited: string[] = [];
  const queue: string[] = [];

  const leave = (node: WorkflowNode) => {
    const out = graph.edges.filter((edge) => edge.from === node.id);
    if (node.type === 'parallel_split') {
      queue.push(...out.map((edge) => edge.to));
      return;
    }
    const taken =
      out.find((edge) => edge.when !== undefined && conditionHolds(edge.when, data)) ??
      out.find((edge) => edge.when === undefined);
    if (!taken) throw new WorkflowStuck(`no way out of "${node.id}" holds for this instance's data`);
    queue.push(taken.to);
  };

  if (resume.kind === 'start') {
    const start = graph.nodes.find((node) => node.type === 'start');
    if (!start) throw new WorkflowStuck('the workflow has no start node');
    queue.push(start.id);
  } else {
    const at = state.waiting.indexOf(resume.nodeId);
    const node = nodes.get(resume.nodeId);
    if (at < 0 || !node) throw new WorkflowStuck(`the instance is not waiting at "${resume.nodeId}"`);
    state.waiting.splice(at, 1);
    leave(node);
  }

  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (visited.length >= MAX_STEPS) throw new WorkflowStuck('the workflow loops without waiting for anyone');
    const node = nodes.get(id);
    if (!node) throw new WorkflowStuck(`no node "${id}"`);
    visited.push(id);
    if (isTaskNode(node)) {
      state.waiting.push(id);
      effects.push({ kind: 'task', node });
    } else if (node.type === 'timer') {
      state.waiting.push(id);
      effects.push({ kind: 'timer', nodeId: id, fireAt: now + node.waitMinutes * 60_000 });
    } else if (node.type === 'parallel_join') {
      const arrived = (state.arrivals[id] ?? 0) + 1;
      if (arrived < incoming(id)) {
        state.arrivals[id] = arrived;
      } else {
        delete state.arrivals[id];
        leave(node);
      }
    } else if (node.type !== 'end') {
      if (node.type === 'notification') effects.push({ kind: 'notify', node });
      leave(node);
    }
  }
  return { state, effects, visited, finished: state.waiting.length === 0 };
}
