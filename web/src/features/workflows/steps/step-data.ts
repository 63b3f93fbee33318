import type { WorkflowTaskView } from '../../../lib/workflows';

/** The ids and times a booking step reads from its process's data (set by the earlier steps). */
export function stepText(task: WorkflowTaskView, field: string): string | null {
  const value = task.data[field];
  return typeof value === 'string' ? value : null;
}

export function stepNumber(task: WorkflowTaskView, field: string): number | null {
  const value = task.data[field];
  return typeof value === 'number' ? value : null;
}
