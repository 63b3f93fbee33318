import { type GraphIssue, graphIssues, issueNode } from '../../../../../core/workflows/issues';
import { type WorkflowGraph, workflowNodeSchema } from '../../../../../core/workflows/model';

/**
 * What the designer shows as wrong with the graph being drawn, each pointing at its node when it
 * concerns one: a step's own settings (a name left empty, a deadline of zero), then the graph's
 * shape as the server will judge it on save.
 */
export type DesignProblem =
  | { kind: 'settings'; nodeId: string; field: string }
  | { kind: 'graph'; nodeId: string | null; issue: GraphIssue };

export function designProblems(graph: WorkflowGraph): DesignProblem[] {
  const settings = graph.nodes.flatMap((node): DesignProblem[] => {
    const parsed = workflowNodeSchema.safeParse(node);
    if (parsed.success) return [];
    const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? 'node')));
    return [...fields].map((field) => ({ kind: 'settings', nodeId: node.id, field }));
  });
  const shape = graphIssues(graph).map(
    (issue): DesignProblem => ({ kind: 'graph', nodeId: issueNode(issue), issue }),
  );
  return [...settings, ...shape];
}

export function nodesWithProblems(problems: readonly DesignProblem[]): ReadonlySet<string> {
  return new Set(problems.flatMap((problem) => (problem.nodeId ? [problem.nodeId] : [])));
}
