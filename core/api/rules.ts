import { actionSchema, ruleInputSchema, triggerSchema } from '../rules/model.js';
import { idSchema } from './encoding.js';
import { z } from './zod.js';

/** The rule editor's API (issue 8): admins only. */

export const ruleIdParamSchema = z.object({ id: idSchema });
export const ruleToggleRequestSchema = z.object({ enabled: z.boolean() });
export const installShippedRequestSchema = z.object({ locale: z.enum(['zh-CN', 'en']) });
export const ruleRunsQuerySchema = z.object({ ruleId: idSchema.optional() });

export const ruleViewSchema = z.object({
  id: idSchema,
  template: z.string().nullable(),
  name: z.string(),
  trigger: triggerSchema,
  condition: z.json(),
  actions: z.array(actionSchema),
  dedupDays: z.int(),
  enabled: z.boolean(),
  createdAt: z.int(),
  updatedAt: z.int(),
});
export type RuleView = z.infer<typeof ruleViewSchema>;
export const ruleListSchema = z.object({
  rules: z.array(ruleViewSchema),
  shippedMissing: z.array(z.string()),
});

export const RUN_OUTCOMES = ['done', 'failed', 'deduplicated'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];
export const ACTION_OUTCOMES = ['done', 'failed', 'not_available', 'no_recipient', 'skipped'] as const;
export type ActionOutcome = (typeof ACTION_OUTCOMES)[number];

export const actionResultSchema = z.object({
  kind: z.enum(['notify', 'create_task', 'start_workflow', 'send_webhook']),
  outcome: z.enum(ACTION_OUTCOMES),
  detail: z.string().optional(),
});
export type ActionResult = z.infer<typeof actionResultSchema>;

export const ruleRunViewSchema = z.object({
  id: idSchema,
  ruleId: idSchema,
  ruleName: z.string(),
  eventType: z.string(),
  subject: z.string(),
  caseId: z.string().nullable(),
  at: z.int(),
  attempt: z.int(),
  outcome: z.enum(RUN_OUTCOMES),
  actions: z.array(actionResultSchema),
  error: z.string().nullable(),
});
export type RuleRunView = z.infer<typeof ruleRunViewSchema>;
export const ruleRunListSchema = z.object({ runs: z.array(ruleRunViewSchema) });

/** A dry run evaluates an unsaved rule on current data and changes nothing. */
export const dryRunRequestSchema = ruleInputSchema;
export const dryRunMatchSchema = z.object({
  subject: z.string(),
  caseId: z.string().nullable(),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export const dryRunResultSchema = z.object({
  scanned: z.int(),
  matches: z.array(dryRunMatchSchema),
});
export type DryRunResult = z.infer<typeof dryRunResultSchema>;

export { ruleInputSchema };
