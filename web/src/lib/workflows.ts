/**
 * The workflow engine for the pages (issue 6): the task inbox. Everything here is operational —
 * step names, dates, decisions; nothing is encrypted or decrypted.
 */
import {
  type DefinitionView,
  definitionListSchema,
  definitionViewSchema,
  instanceViewSchema,
  type WorkflowTaskList,
  type WorkflowTaskView,
  workflowTaskListSchema,
  workflowTaskViewSchema,
} from '../../../core/api/workflows';
import { type MatchingFacts, matchingFactsSchema } from '../../../core/workflows/matching';
import type { StepAction, WorkflowData } from '../../../core/workflows/model';
import { ApiError, createApiClient } from './api-client';
import { toAppError } from './app-errors';

const api = createApiClient();

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(error);
  }
}

export type { DefinitionView, WorkflowTaskList, WorkflowTaskView };
export type TaskOutcome = 'completed' | 'approved' | 'rejected';

/** Starts a process on a case by hand (结案, 督导): its first step lands in the inbox. */
export const startCaseProcess = (key: 'case_closing' | 'supervision', caseId: string) =>
  run(() => api.send('POST', '/api/workflows/instances', { key, caseId }, instanceViewSchema));

export const listWorkflowTasks = () => run(() => api.get('/api/workflows/tasks', workflowTaskListSchema));
export const completeWorkflowTask = (id: string, outcome: TaskOutcome, data: WorkflowData = {}) =>
  run(() => api.send('POST', `/api/workflows/tasks/${id}/complete`, { outcome, data }, instanceViewSchema));

/** A form step on a case opens the form renderer there; saving the record completes the step. */
export const formStepHref = (task: WorkflowTaskView): string | null =>
  task.formKey && task.caseId && !task.action
    ? `/cases/${task.caseId}/write/${task.formKey}?task=${task.id}`
    : null;

/** Steps done on a page of their own, in the assignee's browser (features/workflows/steps). */
const STEP_PAGES: ReadonlySet<StepAction> = new Set<StepAction>([
  'screen_booking',
  'match_counselor',
  'open_case',
  'notify_client',
  'request_case_access',
  'deliver_case_key',
]);
export const stepPageHref = (task: WorkflowTaskView): string | null =>
  task.action && STEP_PAGES.has(task.action) ? `/tasks/${task.id}` : null;

/** One of my tasks, as the inbox lists it (the step pages open it by id). */
/** One of my tasks; null when there is no such task of mine (or the address is no task's). */
export async function findWorkflowTask(id: string): Promise<WorkflowTaskView | null> {
  try {
    return await api.get(`/api/workflows/tasks/${encodeURIComponent(id)}`, workflowTaskViewSchema);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return null;
    throw toAppError(error);
  }
}

/** The matching step's facts: free times, load and experience of every counselor. */
export const fetchMatchingFacts = (taskId: string): Promise<MatchingFacts> =>
  run(() => api.get(`/api/workflows/tasks/${taskId}/matching`, matchingFactsSchema));

export const SHIPPED_KEYS = ['new_client_booking', 'leave_request', 'supervision', 'case_closing'] as const;
export const listDefinitions = () => run(() => api.get('/api/workflows/definitions', definitionListSchema));
export const publishDefinition = (id: string) =>
  run(() => api.send('POST', `/api/workflows/definitions/${id}/publish`, {}, definitionViewSchema));
export const installShipped = (key: string) =>
  run(() => api.send('POST', `/api/workflows/definitions/shipped/${key}`, {}, definitionViewSchema));
