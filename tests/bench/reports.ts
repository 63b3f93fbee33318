import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { reportBatchSchema, reportSchema } from '../../core/api/reports.js';
import { nodeApiClient } from '../../scripts/demo/node-api.js';
import { DEMO_ADMIN } from '../../scripts/demo/people.js';
import { findFreePort, ROOT, startWranglerDev, waitForHttp } from '../../scripts/local-worker.js';
import type { ApiClient } from '../../web/src/lib/api-client.js';
import { memoryRootPins, signInWithPassphrase } from '../../web/src/lib/protocol/index.js';
import type { BenchResult } from './crypto-bench.js';
import { BENCH_DASHBOARDS, type DashboardQuery, presetRange } from './report-dashboards.js';

/**
 * Issue 9's figure: each shipped dashboard answered from the local D1 that `npm run demo -- --scale
 * large` filled (1,000,000 appointments), through the real Worker route on `wrangler dev` at
 * 127.0.0.1 — all of a dashboard's reports in one batch request, as its page sends them; median of 7
 * after one warm-up. Each report alone (median of 3) is printed on stderr, to see where time goes. The director of the demo signs in with the real crypto.
 */
const RUNS = 7;
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function asked(query: DashboardQuery, now: number) {
  const [from, to] = presetRange(query.period, now, SHANGHAI_OFFSET_MINUTES);
  return { metric: query.metric, dimension: query.dimension, from, to };
}

/** One widget's request alone; its own time, for the per-metric figures printed on stderr. */
async function ask(api: ApiClient, query: DashboardQuery, now: number): Promise<number> {
  const { metric, dimension, from, to } = asked(query, now);
  const params = new URLSearchParams({ metric, dimension, from: String(from), to: String(to) });
  const started = performance.now();
  await api.get(`/api/reports/metrics?${params}`, reportSchema);
  return performance.now() - started;
}

/** The whole dashboard as its page asks for it: one batch of all its widgets' reports. */
async function askAll(api: ApiClient, queries: DashboardQuery[], now: number): Promise<void> {
  const { results } = await api.send(
    'POST',
    '/api/reports/metrics/batch',
    { queries: queries.map((query) => asked(query, now)) },
    reportBatchSchema,
  );
  const failed = results.find((result) => 'error' in result);
  if (failed && 'error' in failed) throw new Error(`a dashboard report failed: ${failed.error.message}`);
}

export async function benchReportDashboards(): Promise<BenchResult[]> {
  if (!existsSync(join(ROOT, '.wrangler', 'state'))) {
    console.error(
      'No local D1 under .wrangler/state: run `npm run demo -- --scale large` first; report figures skipped',
    );
    return [];
  }
  const port = await findFreePort();
  const wrangler = startWranglerDev({
    port,
    inspectorPort: await findFreePort(),
    stdio: 'pipe',
    detached: true,
  });
  wrangler.stdout?.resume();
  wrangler.stderr?.resume();
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/api/health`, { timeoutMs: 120_000, child: wrangler });
    const api = nodeApiClient(baseUrl);
    const signedIn = await signInWithPassphrase(
      api,
      memoryRootPins(),
      DEMO_ADMIN.email,
      DEMO_ADMIN.passphrase,
    ).then(
      () => true,
      () => false,
    );
    if (!signedIn) {
      console.error(
        'The local D1 holds no demo center: run `npm run demo -- --scale large` first; report figures skipped',
      );
      return [];
    }
    const results: BenchResult[] = [];
    for (const [name, queries] of Object.entries(BENCH_DASHBOARDS)) {
      const now = Date.now();
      const times: number[] = [];
      const each: number[][] = queries.map(() => []);
      for (let run = 0; run <= RUNS; run += 1) {
        const started = performance.now();
        await askAll(api, queries, now);
        if (run === 0) continue;
        times.push(performance.now() - started);
      }
      for (const [index, query] of queries.entries()) {
        for (let run = 0; run < 3; run += 1) each[index]?.push(await ask(api, query, now));
      }
      for (const [index, query] of queries.entries()) {
        const ms = Math.round(median(each[index] ?? []));
        console.error(`  report:${name} ${query.metric} by ${query.dimension}, ${query.period}: ${ms} ms`);
      }
      results.push({ bench: `report:${name}`, value: Math.round(median(times)), unit: 'ms', target: 300 });
    }
    return results;
  } finally {
    if (wrangler.pid !== undefined) process.kill(-wrangler.pid, 'SIGTERM');
  }
}
