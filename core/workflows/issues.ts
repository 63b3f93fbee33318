import { conditionShapeProblem } from './logic.js';
import { isTaskNode, type WorkflowGraph } from './model.js';

/**
 * What is wrong with a graph, as values: a code the designer translates, the node (or edge) it
 * concerns so the canvas can point at it, and the details the message needs. graphProblems
 * words the same list for the API.
 */
export type GraphIssue =
  | { code: 'duplicate_id'; nodeId: string }
  | { code: 'start_count'; count: number }
  | { code: 'edge_from_unknown'; edge: number; from: string }
  | { code: 'edge_to_unknown'; edge: number; to: string }
  | { code: 'edge_condition'; edge: number; from: string; to: string; problem: string }
  | { code: 'end_leads_on'; nodeId: string }
  | { code: 'dead_end'; nodeId: string }
  | { code: 'into_start'; nodeId: string }
  | { code: 'split_needs_two'; nodeId: string }
  | { code: 'join_needs_two'; nodeId: string }
  | { code: 'split_condition'; nodeId: string }
  | { code: 'condition_needs_default'; nodeId: string }
  | { code: 'deadline_needed'; nodeId: string }
  | { code: 'remind_too_early'; nodeId: string; dueInHours: number }
  | { code: 'unreachable'; nodeId: string }
  | { code: 'no_end_reached' };
export type GraphIssueCode = GraphIssue['code'];

/** The node an issue points at, for issues that concern one. */
export function issueNode(issue: GraphIssue): string | null {
  if ('nodeId' in issue) return issue.nodeId;
  if (issue.code === 'edge_condition') return issue.from;
  return null;
}

/** Everything wrong with a graph; empty when it can run. */
export function graphIssues(graph: WorkflowGraph): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const ids = new Set<string>();
  for (const node of graph.nodes) {
    if (ids.has(node.id)) issues.push({ code: 'duplicate_id', nodeId: node.id });
    ids.add(node.id);
  }
  const starts = graph.nodes.filter((node) => node.type === 'start');
  if (starts.length !== 1) issues.push({ code: 'start_count', count: starts.length });

  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, number>();
  graph.edges.forEach((edge, index) => {
    if (!ids.has(edge.from)) issues.push({ code: 'edge_from_unknown', edge: index, from: edge.from });
    if (!ids.has(edge.to)) issues.push({ code: 'edge_to_unknown', edge: index, to: edge.to });
    if (edge.when !== undefined) {
      const problem = conditionShapeProblem(edge.when);
      if (problem)
        issues.push({ code: 'edge_condition', edge: index, from: edge.from, to: edge.to, problem });
    }
    outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge.to]);
    incoming.set(edge.to, (incoming.get(edge.to) ?? 0) + 1);
  });

  for (const node of graph.nodes) {
    const out = outgoing.get(node.id) ?? [];
    const into = incoming.get(node.id) ?? 0;
    const nodeId = node.id;
    if (node.type === 'end') {
      if (out.length > 0) issues.push({ code: 'end_leads_on', nodeId });
    } else if (out.length === 0) {
      issues.push({ code: 'dead_end', nodeId });
    }
    if (node.type === 'start' && into > 0) issues.push({ code: 'into_start', nodeId });
    if (isTaskNode(node) && node.dueInHours === undefined && (node.remindBeforeHours || node.escalateTo)) {
      issues.push({ code: 'deadline_needed', nodeId });
    }
    if (isTaskNode(node) && node.dueInHours && (node.remindBeforeHours ?? 0) >= node.dueInHours) {
      issues.push({ code: 'remind_too_early', nodeId, dueInHours: node.dueInHours });
    }
    if (node.type === 'parallel_split' && out.length < 2) issues.push({ code: 'split_needs_two', nodeId });
    if (node.type === 'parallel_join' && into < 2) issues.push({ code: 'join_needs_two', nodeId });
    if (node.type === 'parallel_split' && graph.edges.some((edge) => edge.from === nodeId && edge.when)) {
      issues.push({ code: 'split_condition', nodeId });
    }
    if (
      node.type === 'condition' &&
      !graph.edges.some((edge) => edge.from === nodeId && edge.when === undefined)
    ) {
      issues.push({ code: 'condition_needs_default', nodeId });
    }
  }

  const [start] = starts;
  if (start && starts.length === 1) {
    const reached = new Set([start.id]);
    const queue = [start.id];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      for (const next of outgoing.get(id) ?? []) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    for (const node of graph.nodes) {
      if (!reached.has(node.id)) issues.push({ code: 'unreachable', nodeId: node.id });
    }
    if (!graph.nodes.some((node) => node.type === 'end' && reached.has(node.id))) {
      issues.push({ code: 'no_end_reached' });
    }
  }
  return issues;
}
