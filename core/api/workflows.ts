import {
  STEP_ACTIONS,
  TASK_NODE_TYPES,
  workflowDataSchema,
  workflowGraphSchema,
} from '../workflows/model.js';
import { idSchema } from './encoding.js';
import { z } from './zod.js';

/** The workflow engine's API (issue 6). Definitions and instances hold operational data only. */

export const workflowKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'a process key is lowercase letters, digits and _' });

export const definitionInputSchema = z.object({
  key: workflowKeySchema,
  name: z.string().trim().min(1).max(120),
  graph: workflowGraphSchema,
});
export const definitionUpdateSchema = definitionInputSchema.omit({ key: true });
export type DefinitionInput = z.infer<typeof definitionInputSchema>;

export const DEFINITION_STATUSES = ['draft', 'published', 'retired'] as const;
export const definitionViewSchema = z.object({
  id: idSchema,
  key: z.string(),
  version: z.int(),
  name: z.string(),
  graph: workflowGraphSchema,
  status: z.enum(DEFINITION_STATUSES),
  createdAt: z.int(),
  updatedAt: z.int(),
  publishedAt: z.int().nullable(),
});
export type DefinitionView = z.infer<typeof definitionViewSchema>;
export const definitionListSchema = z.object({ definitions: z.array(definitionViewSchema) });

export const startInstanceSchema = z.object({
  key: workflowKeySchema,
  caseId: idSchema.optional(),
  data: workflowDataSchema.default({}),
});

export const instanceViewSchema = z.object({
  id: idSchema,
  definitionId: idSchema,
  key: z.string(),
  version: z.int(),
  status: z.enum(['running', 'done']),
  waitingAt: z.array(z.string()),
  data: workflowDataSchema,
  caseId: z.string().nullable(),
  startedBy: z.string().nullable(),
  startedAt: z.int(),
  finishedAt: z.int().nullable(),
  history: z.array(
    z.object({
      seq: z.int(),
      at: z.int(),
      actor: z.string().nullable(),
      kind: z.enum(['started', 'task_done', 'timer_fired']),
      nodeId: z.string().nullable(),
      visited: z.array(z.string()),
    }),
  ),
});
export type InstanceView = z.infer<typeof instanceViewSchema>;

export const TASK_OUTCOMES = ['completed', 'approved', 'rejected'] as const;
export const completeTaskSchema = z.object({
  outcome: z.enum(TASK_OUTCOMES).default('completed'),
  data: workflowDataSchema.default({}),
});

export const workflowTaskViewSchema = z.object({
  id: idSchema,
  title: z.string(),
  step: z.enum(TASK_NODE_TYPES),
  /** What the step's page does in the assignee's browser, and the form a form step writes. */
  action: z.enum(STEP_ACTIONS).nullable(),
  formKey: z.string().nullable(),
  process: z.string(),
  processKey: z.string(),
  /** The instance's operational data: the ids the step's page works with. */
  data: workflowDataSchema,
  instanceId: idSchema,
  caseId: z.string().nullable(),
  assigneeUserId: z.string().nullable(),
  assigneeRole: z.string().nullable(),
  dueAt: z.int().nullable(),
  status: z.enum(['open', 'done']),
  outcome: z.enum(TASK_OUTCOMES).nullable(),
  createdAt: z.int(),
  completedAt: z.int().nullable(),
});
export type WorkflowTaskView = z.infer<typeof workflowTaskViewSchema>;
export const workflowTaskListSchema = z.object({
  tasks: z.array(workflowTaskViewSchema),
  open: z.int(),
  overdue: z.int(),
});
export type WorkflowTaskList = z.infer<typeof workflowTaskListSchema>;
export const idParamSchema = z.object({ id: idSchema });
export const shippedKeyParamSchema = z.object({ key: workflowKeySchema });
