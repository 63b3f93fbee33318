import { matchingFactsSchema } from '../workflows/matching.js';
import type { ApiOperation } from './public-api.js';
import {
  completeTaskSchema,
  definitionInputSchema,
  definitionListSchema,
  definitionUpdateSchema,
  definitionViewSchema,
  idParamSchema,
  instanceViewSchema,
  shippedKeyParamSchema,
  startInstanceSchema,
  workflowTaskListSchema,
} from './workflows.js';

/**
 * The workflow engine's routes (issue 6) for the OpenAPI document: called with a signed-in
 * session, by the web app and by anyone scripting it. The schemas are the routes' own.
 */

const session = (roles?: readonly string[]) => ({ kind: 'session', ...(roles && { roles }) }) as const;
const admin = session(['admin']);

export const WORKFLOW_OPERATIONS = {
  listWorkflowDefinitions: {
    method: 'get',
    path: '/api/workflows/definitions',
    tag: 'Workflows',
    summary: 'Every version of every process (admins)',
    auth: admin,
    status: 200,
    response: definitionListSchema,
  },
  createWorkflowDraft: {
    method: 'post',
    path: '/api/workflows/definitions',
    tag: 'Workflows',
    summary: 'Save a graph as the next draft version of a process (admins)',
    description:
      'A graph that cannot run (no single start, unreachable nodes, dead ends…) is refused with 422 invalid_workflow and the reasons.',
    auth: admin,
    body: definitionInputSchema,
    status: 201,
    response: definitionViewSchema,
  },
  getWorkflowDefinition: {
    method: 'get',
    path: '/api/workflows/definitions/{id}',
    tag: 'Workflows',
    summary: 'One version of a process (admins)',
    auth: admin,
    params: idParamSchema,
    status: 200,
    response: definitionViewSchema,
  },
  updateWorkflowDraft: {
    method: 'put',
    path: '/api/workflows/definitions/{id}',
    tag: 'Workflows',
    summary: 'Edit a draft in place (admins); a published version is frozen',
    auth: admin,
    params: idParamSchema,
    body: definitionUpdateSchema,
    status: 200,
    response: definitionViewSchema,
  },
  publishWorkflowDraft: {
    method: 'post',
    path: '/api/workflows/definitions/{id}/publish',
    tag: 'Workflows',
    summary: 'Publish a draft; the previous published version retires, its running instances stay on it',
    auth: admin,
    params: idParamSchema,
    status: 200,
    response: definitionViewSchema,
  },
  installShippedWorkflow: {
    method: 'post',
    path: '/api/workflows/definitions/shipped/{key}',
    tag: 'Workflows',
    summary:
      'Install and publish a shipped process (new_client_booking, leave_request, supervision, case_closing)',
    auth: admin,
    params: shippedKeyParamSchema,
    status: 200,
    response: definitionViewSchema,
  },
  startWorkflowInstance: {
    method: 'post',
    path: '/api/workflows/instances',
    tag: 'Workflows',
    summary: 'Start the published version of a process, optionally on a case',
    auth: session(),
    body: startInstanceSchema,
    status: 201,
    response: instanceViewSchema,
  },
  getWorkflowInstance: {
    method: 'get',
    path: '/api/workflows/instances/{id}',
    tag: 'Workflows',
    summary: 'An instance with its full history (those involved, directors and admins)',
    auth: session(),
    params: idParamSchema,
    status: 200,
    response: instanceViewSchema,
  },
  listWorkflowTasks: {
    method: 'get',
    path: '/api/workflows/tasks',
    tag: 'Workflows',
    summary: 'My task inbox: steps assigned to me or my roles, open first, with counts',
    auth: session(),
    status: 200,
    response: workflowTaskListSchema,
  },
  completeWorkflowTask: {
    method: 'post',
    path: '/api/workflows/tasks/{id}/complete',
    tag: 'Workflows',
    summary: 'Finish a step: complete it, or approve or reject an approval',
    description:
      'A retried identical completion answers as the first did. A step with an action checks its data first (clientId, counselorId, caseId, recordId, accessRequestId, grantedTo); the transition, its tasks, notifications and audit events are one D1 batch.',
    auth: session(),
    params: idParamSchema,
    body: completeTaskSchema,
    status: 200,
    response: instanceViewSchema,
  },
  getMatchingFacts: {
    method: 'get',
    path: '/api/workflows/tasks/{id}/matching',
    tag: 'Workflows',
    summary: 'Operational facts about each counselor for an open matching step (its assignee only)',
    description:
      'Free starts for the requested service, open cases, booked appointments and cases of the service type. The front desk’s browser ranks them (core/workflows/matching.ts).',
    auth: session(),
    params: idParamSchema,
    status: 200,
    response: matchingFactsSchema,
  },
} as const satisfies Record<string, ApiOperation>;
