import { app } from './app.js';
import { sealAuditChainOfOrg } from './audit-seal.js';
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
    const jobs: Promise<unknown>[] = [deliverDueWebhooks(openDb(env.DB))];
    if (controller.cron === QUARTER_HOUR_CRON) {
      jobs.push(
        runScheduleReminders(env, controller.scheduledTime),
        runRulesCron(env, controller.scheduledTime),
        runWorkflowTimers(env, controller.scheduledTime),
        pruneRateLimits(openDb(env.DB), controller.scheduledTime),
      );
    }
    for (const job of jobs) ctx.waitUntil(job);
    // The jobs open their own databases: seal whatever audit events they appended, once all ended.
    ctx.waitUntil(Promise.allSettled(jobs).then(() => sealAuditChainOfOrg(openDb(env.DB))));
  },
} satisfies ExportedHandler<Env>;
