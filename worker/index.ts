import { app } from './app.js';
import { openDb } from './db/client.js';
import type { Env } from './env.js';
import { pruneRateLimits } from './rate-limit.js';
import { runScheduleReminders } from './reminders.js';
import { runRulesCron } from './rules/scheduled.js';
import { deliverDueWebhooks } from './webhooks/outbound.js';
import { runWorkflowTimers } from './workflows/scheduled.js';

/**
 * wrangler.toml's cron triggers: reminders, the rules engine, workflow timers and the sweep of
 * spent rate-limit windows every 15 minutes; webhook retries every minute.
 */
const QUARTER_HOUR_CRON = '*/15 * * * *';

export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    if (controller.cron === QUARTER_HOUR_CRON) {
      ctx.waitUntil(runScheduleReminders(env, controller.scheduledTime));
      ctx.waitUntil(runRulesCron(env, controller.scheduledTime));
      ctx.waitUntil(runWorkflowTimers(env, controller.scheduledTime));
      ctx.waitUntil(pruneRateLimits(openDb(env.DB), controller.scheduledTime));
    }
    ctx.waitUntil(deliverDueWebhooks(openDb(env.DB)));
  },
} satisfies ExportedHandler<Env>;
