import { conditionShapeProblem } from './logic.js';
import type { WorkflowGraph } from './model.js';

/**
 * Everything wrong with a graph, in words an admin can act on; empty when it can run. A
 * definition is only saved when this is empty, so the runtime may rely on it.
 */
export function graphProblems(graph: WorkflowGraph): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const node of graph.nodes) {
    if (ids.has(node.id)) problems.push(`two nodes share the id "${node.id}"`);
    ids.add(node.id);
  }
  const starts = graph.nodes.filter((node) => node.type === 'start');
  if (starts.length !== 1)
    problems.push(`a workflow has exactly one start node; this one has ${starts.length}`);

  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, number>();
  graph.edges.forEach((edge, index) => {
    if (!ids.has(edge.from)) problems.push(`edge ${index + 1} leaves "${edge.from}", which is not a node`);
    if (!ids.has(edge.to)) problems.push(`edge ${index + 1} enters "${edge.to}", which is not a node`);
    if (edge.when !== undefined) {
      const problem = conditionShapeProblem(edge.when);
      if (problem) problems.push(`the condition on ${edge.from} → ${edge.to}: ${problem}`);
    }
    outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge.to]);
    incoming.set(edge.to, (incoming.get(edge.to) ?? 0) + 1);
  });

  for (const node of graph.nodes) {
    const out = outgoing.get(node.id) ?? [];
    const into = incoming.get(node.id) ?? 0;
    if (node.type === 'end') {
      if (out.length > 0) problems.push(`the end node "${node.id}" must not lead anywhere`);
    } else if (out.length === 0) {
      problems.push(`"${node.id}" is a dead end: every step except an end needs a way out`);
    }
    if (node.type === 'start' && into > 0) problems.push('nothing may lead back into the start node');
    if (node.type === 'parallel_split' && out.length < 2) {
      problems.push(`the parallel split "${node.id}" needs at least two ways out`);
    }
    if (node.type === 'parallel_join' && into < 2) {
      problems.push(`the parallel join "${node.id}" needs at least two ways in`);
    }
    if (node.type === 'parallel_split' && graph.edges.some((edge) => edge.from === node.id && edge.when)) {
      problems.push(`the parallel split "${node.id}" takes every way out; its edges cannot have conditions`);
    }
    if (
      node.type === 'condition' &&
      !graph.edges.some((edge) => edge.from === node.id && edge.when === undefined)
    ) {
      problems.push(
        `the condition "${node.id}" needs one edge without a condition, taken when no other holds`,
      );
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
      if (!reached.has(node.id)) problems.push(`"${node.id}" cannot be reached from the start`);
    }
    if (!graph.nodes.some((node) => node.type === 'end' && reached.has(node.id))) {
      problems.push('no end node can be reached from the start');
    }
  }
  return problems;
}
