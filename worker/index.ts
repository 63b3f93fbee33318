import { app } from './app.js';
import { openDb } from './db/client.js';
import type { Env } from './env.js';
import { runScheduleReminders } from './reminders.js';
import { runRulesCron } from './rules/scheduled.js';
import { deliverDueWebhooks } from './webhooks/outbound.js';
import { runWorkflowTimers } from './workflows/scheduled.js';

/**
 * wrangler.toml's cron triggers: reminders and the rules engine every 15 minutes, webhook retries
 * every minute.
 */
const QUARTER_HOUR_CRON = '*/15 * * * *';

export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    if (controller.cron === QUARTER_HOUR_CRON) {
      ctx.waitUntil(runScheduleReminders(env, controller.scheduledTime));
      ctx.waitUntil(runRulesCron(env, controller.scheduledTime));
      ctx.waitUntil(runWorkflowTimers(env, controller.scheduledTime));
    }
    ctx.waitUntil(deliverDueWebhooks(openDb(env.DB)));
  },
} satisfies ExportedHandler<Env>;
