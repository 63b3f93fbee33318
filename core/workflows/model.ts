import { roleSchema } from '../api/roles.js';
import { z } from '../api/zod.js';

/**
 * A workflow definition (issue 6): a graph of nodes joined by edges. Everything in it is
 * operational — node labels an admin writes, roles, user ids, durations, and JSON Logic over the
 * instance's operational data. Nothing clinical ever passes through a workflow.
 */

const nodeIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, {
  error: 'a node id is lowercase letters, digits and _, starting with a letter',
});

/**
 * primary_counselor: the case's; supervisor: the supervisor assigned to the case's counselor (or,
 * escalating an overdue step, to its assignee); requester: who started the instance;
 * matched_counselor: the counselor a matching step chose (the instance's `counselorId`);
 * key_recipient: whom a key delivery step gave the case key (`grantedTo`).
 */
export const RELATIONS = [
  'primary_counselor',
  'supervisor',
  'requester',
  'matched_counselor',
  'key_recipient',
] as const;

export const assigneeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('role'), role: roleSchema }),
  z.object({ kind: z.literal('user'), userId: z.uuid() }),
  z.object({ kind: z.literal('relation'), relation: z.enum(RELATIONS) }),
  z.object({ kind: z.literal('round_robin'), role: roleSchema }),
]);
export type Assignee = z.infer<typeof assigneeSchema>;

const label = z.string().trim().min(1).max(120);
/** Hours until a step's task is due; a whole number of minutes keeps the arithmetic exact. */
const dueInHours = z
  .number()
  .positive()
  .max(24 * 365)
  .optional();

/**
 * What a person does at a step beyond completing it. The browser actions need keys, so the
 * task opens a page where the assignee's browser does them (DESIGN §3); archive_case is the
 * server's, done in the batch that completes the step.
 */
export const STEP_ACTIONS = [
  'screen_booking',
  'match_counselor',
  'open_case',
  'notify_client',
  'request_case_access',
  'deliver_case_key',
  'archive_case',
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

const taskFields = {
  label,
  assignee: assigneeSchema,
  dueInHours,
  /** Hours before the due date at which the assignee is reminded. */
  remindBeforeHours: z
    .number()
    .positive()
    .max(24 * 30)
    .optional(),
  /** Who hears of the step once it is overdue. */
  escalateTo: assigneeSchema.optional(),
  action: z.enum(STEP_ACTIONS).optional(),
};

/** What starts an instance besides a person: every N completed sessions of a case (督导). */
export const startTriggerSchema = z.object({
  kind: z.literal('every_n_sessions'),
  sessions: z.int().min(1).max(100),
});
export type StartTrigger = z.infer<typeof startTriggerSchema>;

export const workflowNodeSchema = z.discriminatedUnion('type', [
  z.object({
    id: nodeIdSchema,
    type: z.literal('start'),
    label: label.optional(),
    trigger: startTriggerSchema.optional(),
  }),
  z.object({
    id: nodeIdSchema,
    type: z.literal('form_task'),
    formKey: z.string().max(80).optional(),
    ...taskFields,
  }),
  z.object({ id: nodeIdSchema, type: z.literal('approval'), ...taskFields }),
  z.object({ id: nodeIdSchema, type: z.literal('assignment'), ...taskFields }),
  z.object({ id: nodeIdSchema, type: z.literal('key_delivery'), ...taskFields }),
  z.object({ id: nodeIdSchema, type: z.literal('notification'), label, to: assigneeSchema }),
  z.object({
    id: nodeIdSchema,
    type: z.literal('timer'),
    label,
    waitMinutes: z.int().positive().max(525_600),
  }),
  z.object({ id: nodeIdSchema, type: z.literal('condition'), label }),
  z.object({ id: nodeIdSchema, type: z.literal('parallel_split'), label: label.optional() }),
  z.object({ id: nodeIdSchema, type: z.literal('parallel_join'), label: label.optional() }),
  z.object({ id: nodeIdSchema, type: z.literal('end'), label: label.optional() }),
]);
export type WorkflowNode = z.infer<typeof workflowNodeSchema>;
export type NodeType = WorkflowNode['type'];
export type TaskNode = Extract<WorkflowNode, { assignee: Assignee }>;

/** The nodes at which an instance waits for a person. */
export const TASK_NODE_TYPES = ['form_task', 'approval', 'assignment', 'key_delivery'] as const;
export const isTaskNode = (node: WorkflowNode): node is TaskNode =>
  (TASK_NODE_TYPES as readonly string[]).includes(node.type);

export const workflowEdgeSchema = z.object({
  from: nodeIdSchema,
  to: nodeIdSchema,
  /** JSON Logic over the instance's data; an edge without one is the default way out. */
  when: z.unknown().optional(),
});
export type WorkflowEdge = z.infer<typeof workflowEdgeSchema>;

const coordinate = z.number().min(-100_000).max(100_000);
/** Where the designer draws each node; the engine never reads it. */
export const workflowLayoutSchema = z
  .record(nodeIdSchema, z.object({ x: coordinate, y: coordinate }))
  .refine((layout) => Object.keys(layout).length <= 100, { error: 'at most 100 node positions' });
export type WorkflowLayout = z.infer<typeof workflowLayoutSchema>;

export const workflowGraphSchema = z.object({
  nodes: z.array(workflowNodeSchema).min(1).max(100),
  edges: z.array(workflowEdgeSchema).max(300),
  layout: workflowLayoutSchema.optional(),
});
export type WorkflowGraph = z.infer<typeof workflowGraphSchema>;

/** Operational data an instance carries: flat, scalar, bounded. */
export const workflowDataSchema = z
  .record(
    z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
    z.union([z.string().max(200), z.number(), z.boolean(), z.null()]),
  )
  .refine((data) => Object.keys(data).length <= 50, { error: 'at most 50 data fields' });
export type WorkflowData = z.infer<typeof workflowDataSchema>;
