import { type GraphIssue, graphIssues } from './issues.js';
import type { WorkflowGraph } from './model.js';

/** An issue in English, as the API reports it. */
export function describeIssue(issue: GraphIssue): string {
  switch (issue.code) {
    case 'duplicate_id':
      return `two nodes share the id "${issue.nodeId}"`;
    case 'start_count':
      return `a workflow has exactly one start node; this one has ${issue.count}`;
    case 'edge_from_unknown':
      return `edge ${issue.edge + 1} leaves "${issue.from}", which is not a node`;
    case 'edge_to_unknown':
      return `edge ${issue.edge + 1} enters "${issue.to}", which is not a node`;
    case 'edge_condition':
      return `the condition on ${issue.from} → ${issue.to}: ${issue.problem}`;
    case 'end_leads_on':
      return `the end node "${issue.nodeId}" must not lead anywhere`;
    case 'dead_end':
      return `"${issue.nodeId}" is a dead end: every step except an end needs a way out`;
    case 'into_start':
      return 'nothing may lead back into the start node';
    case 'split_needs_two':
      return `the parallel split "${issue.nodeId}" needs at least two ways out`;
    case 'join_needs_two':
      return `the parallel join "${issue.nodeId}" needs at least two ways in`;
    case 'split_condition':
      return `the parallel split "${issue.nodeId}" takes every way out; its edges cannot have conditions`;
    case 'condition_needs_default':
      return `the condition "${issue.nodeId}" needs one edge without a condition, taken when no other holds`;
    case 'deadline_needed':
      return `"${issue.nodeId}" reminds or escalates, so it needs a due date`;
    case 'remind_too_early':
      return `"${issue.nodeId}" would remind before the step even begins: remind less than ${issue.dueInHours} hours ahead`;
    case 'unreachable':
      return `"${issue.nodeId}" cannot be reached from the start`;
    case 'no_end_reached':
      return 'no end node can be reached from the start';
  }
}

/**
 * Everything wrong with a graph, in words an admin can act on; empty when it can run. A
 * definition is only saved when this is empty, so the runtime may rely on it.
 */
export function graphProblems(graph: WorkflowGraph): string[] {
  return graphIssues(graph).map(describeIssue);
}
