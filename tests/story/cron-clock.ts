/**
 * The Cron Trigger at a time of the test's choosing. wrangler dev answers
 * /cdn-cgi/handler/scheduled?time=… for a Worker without static assets only (workers-sdk #9882:
 * with [assets] the request reaches the assets proxy, which has no scheduled handler and answers
 * "exception"). So a second wrangler dev serves the same Worker without assets over the same local
 * D1 state, for as long as the story needs the clock; the app's server is left as it is.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { findFreePort, ROOT, randomHex, startWranglerDev, waitForHttp } from '../../scripts/local-worker.js';
import { stopProcessGroup } from '../support/local-server.js';

const QUARTER_HOUR_CRON = '*/15 * * * *';

export interface CronClock {
  /** Runs the quarter-hour cron's jobs (reminders, rules, workflow timers) as if at `at` (ms). */
  fireAt(at: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startCronClock(stateDir: string): Promise<CronClock> {
  const appConfig = await readFile(join(ROOT, 'wrangler.toml'), 'utf8');
  const config = appConfig
    .replace(/^\[assets\][\s\S]*?(?=^\[\[)/m, '')
    .replace(/^main = .*$/m, `main = ${JSON.stringify(join(ROOT, 'worker/index.ts'))}`);
  const configPath = join(stateDir, 'cron-clock.wrangler.toml');
  await writeFile(configPath, config);
  const port = await findFreePort();
  const wrangler = startWranglerDev({
    port,
    inspectorPort: await findFreePort(),
    persistTo: stateDir,
    config: configPath,
    vars: { AUTH_PEPPER: randomHex(32), DEV_OUTBOX: '1' },
    stdio: 'pipe',
    detached: true,
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${origin}/api/health`, { timeoutMs: 120_000, child: wrangler });
  return {
    async fireAt(at) {
      const cron = encodeURIComponent(QUARTER_HOUR_CRON);
      const response = await fetch(`${origin}/cdn-cgi/handler/scheduled?cron=${cron}&time=${at}`);
      expect(await response.text()).toBe('ok');
    },
    stop: () => stopProcessGroup(wrangler),
  };
}
