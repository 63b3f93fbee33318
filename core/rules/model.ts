import { idSchema } from '../api/encoding.js';
import { ROLES } from '../api/roles.js';
import { z } from '../api/zod.js';
import { conditionProblem, type JsonLogic } from './conditions.js';
import { EVENT_TYPES, RELATIONS } from './events.js';

/** IF trigger AND condition THEN actions (DESIGN §3, issue 8). */

export const eventTriggerSchema = z.object({ kind: z.literal('event'), event: z.enum(EVENT_TYPES) });

/** Schedules run from the Cron Trigger; `hour` is on the center's clock (its time zone setting). */
export const scheduleTriggerSchema = z.discriminatedUnion('every', [
  z.object({ kind: z.literal('schedule'), every: z.literal('hourly') }),
  z.object({ kind: z.literal('schedule'), every: z.literal('daily'), hour: z.int().min(0).max(23) }),
]);

export const triggerSchema = z.union([eventTriggerSchema, scheduleTriggerSchema]);
export type Trigger = z.infer<typeof triggerSchema>;

export const recipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), id: idSchema }),
  z.object({ kind: z.literal('role'), role: z.enum(ROLES) }),
  z.object({ kind: z.literal('relation'), relation: z.enum(RELATIONS) }),
]);
export type Recipient = z.infer<typeof recipientSchema>;

/** Titles are the admin's own words; they must not carry client details, so they stay short. */
const titleSchema = z.string().trim().min(1).max(120);

export const actionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('notify'),
    to: z.array(recipientSchema).min(1).max(10),
    email: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal('create_task'),
    title: titleSchema,
    assignee: recipientSchema,
    dueInDays: z.int().min(0).max(365),
  }),
  z.object({ kind: z.literal('start_workflow'), workflow: z.string().trim().min(1).max(80) }),
  z.object({ kind: z.literal('send_webhook'), event: z.string().trim().min(1).max(80) }),
]);
export type RuleAction = z.infer<typeof actionSchema>;
export type ActionKind = RuleAction['kind'];

const jsonLogicSchema: z.ZodType<JsonLogic> = z.json() as z.ZodType<JsonLogic>;

export const ruleInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    trigger: triggerSchema,
    condition: jsonLogicSchema,
    actions: z.array(actionSchema).min(1).max(10),
    /** Not the same rule for the same subject twice within this many days; 0 = every time. */
    dedupDays: z.int().min(0).max(365),
    enabled: z.boolean().default(true),
  })
  .superRefine((rule, ctx) => {
    const problem = conditionProblem(rule.condition, rule.trigger);
    if (problem) ctx.addIssue({ code: 'custom', path: ['condition'], message: problem });
  });
export type RuleInput = z.infer<typeof ruleInputSchema>;

export type Rule = RuleInput & { id: string; template: string | null };
