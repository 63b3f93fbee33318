import { eq } from 'drizzle-orm';
import type { ActionResult } from '../../core/api/rules.js';
import type { RuleAction } from '../../core/rules/model.js';
import { type WorkflowData, workflowDataSchema } from '../../core/workflows/model.js';
import { workflowInstances } from '../db/workflow-schema.js';
import { requireOrg } from '../org.js';
import { publishedDefinition, startInstance } from '../workflows/runtime.js';
import type { ActionContext } from './actions.js';

const DATA_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;
const MAX_FIELDS = 50;

const isScalar = (value: unknown): value is string | number | boolean | null =>
  value === null ||
  typeof value === 'number' ||
  typeof value === 'boolean' ||
  (typeof value === 'string' && value.length <= 200);

/**
 * The instance's data: the event's type and its operational payload (ids, dates, counts, a form's
 * operational fields), flattened to the scalars a workflow condition reads. Payloads hold nothing
 * secret (core/rules/events.ts), so nothing secret reaches the instance either.
 */
export function workflowDataFromEvent(eventType: string, payload: Record<string, unknown>): WorkflowData {
  const { operational, ...rest } = payload;
  const entries = [
    ['eventType', eventType] as const,
    ...Object.entries(rest),
    ...(operational && typeof operational === 'object' ? Object.entries(operational) : []),
  ];
  const data: WorkflowData = {};
  for (const [key, value] of entries) {
    if (Object.keys(data).length >= MAX_FIELDS) break;
    if (DATA_KEY.test(key) && isScalar(value) && !(key in data)) data[key] = value;
  }
  return workflowDataSchema.parse(data);
}

/**
 * Starts the published version of the workflow the action names, on the event's case. The
 * instance's subject is the action's source, so a retried action finds it and starts none again.
 */
export async function startWorkflow(
  context: ActionContext,
  action: Extract<RuleAction, { kind: 'start_workflow' }>,
  source: string,
): Promise<ActionResult> {
  const { db, event } = context;
  const [started] = await db
    .select({ id: workflowInstances.id })
    .from(workflowInstances)
    .where(eq(workflowInstances.subject, source))
    .limit(1);
  if (started) return { kind: action.kind, outcome: 'done', detail: started.id };
  const definition = await publishedDefinition(db, action.workflow);
  if (!definition) {
    return {
      kind: action.kind,
      outcome: 'not_available',
      detail: `no published workflow "${action.workflow}"`,
    };
  }
  const org = await requireOrg(db);
  const { instance } = await startInstance(db, {
    orgId: org.id,
    definition,
    caseId: event.caseId,
    data: workflowDataFromEvent(context.eventType, event.payload),
    actor: null,
    subject: source,
  });
  return { kind: action.kind, outcome: 'done', detail: instance.id };
}
