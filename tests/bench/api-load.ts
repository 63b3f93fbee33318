import { fileURLToPath } from 'node:url';
import autocannon, { type Request as CannonRequest, type Result } from 'autocannon';
import { startLocalServer } from '../support/local-server.js';
import type { BenchResult } from './crypto-bench.js';
import { loadScenarios, type Scenario } from './load-scenarios.js';
import { seedCenter } from './seed.js';
import { withoutNetworkTracing } from './worker-heap.js';

/**
 * Issue 12's API load: the app under `wrangler dev` (Miniflare, local D1) on 127.0.0.1, and a bare
 * Hono + D1 route served the same way in the same run as the baseline. Every scenario runs for
 * DURATION_S at each connection count; every answer must be 2xx (errors target 0), and the read
 * routes must keep ≥ 0.7 of the baseline's requests per second.
 *
 * The read routes and the baseline run side by side in READ_ROUNDS rounds (baseline, then each
 * read route): on a shared machine one 10 s run can be off by a fifth, so a read route's figures
 * are its median round, and its ratio the median of the rounds' ratios.
 */

export const LOAD_CONNECTIONS = [16, 64] as const;
const DURATION_S = 10;
const READ_ROUNDS = 3;
const READ_RATIO_TARGET = 0.7;
const BASELINE_REQUESTS: CannonRequest[] = [{ method: 'GET', path: '/api/baseline' }];
const BASELINE_CONFIG = fileURLToPath(new URL('./baseline/wrangler.toml', import.meta.url));

/** Load goes to this machine's loopback only: anything else is refused before a request is sent. */
export function assertLoopback(baseURL: string): void {
  if (new URL(baseURL).hostname !== '127.0.0.1')
    throw new Error(`refusing to load ${baseURL}: 127.0.0.1 only`);
}

export function cannon(
  baseURL: string,
  requests: CannonRequest[],
  options: { connections: number; durationS: number },
): Promise<Result> {
  assertLoopback(baseURL);
  return autocannon({
    url: baseURL,
    connections: options.connections,
    duration: options.durationS,
    timeout: 10,
    requests,
  });
}

/** Requests that did not end in a 2xx: socket errors, timeouts and non-2xx answers. */
export const failures = (result: Result) => result.errors + result.timeouts + result.non2xx;

const median = (values: readonly number[]) =>
  [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] as number;

/** One scenario's figures over its runs: the median run's rate and latency, every run's errors. */
function figures(name: string, connections: number, runs: readonly Result[]): BenchResult[] {
  const at = `api-load:${name}@${connections}`;
  const rate = median(runs.map((run) => run.requests.average));
  const middle = runs.find((run) => run.requests.average === rate) as Result;
  const errors = runs.reduce((sum, run) => sum + failures(run), 0);
  return [
    { bench: `${at}:rps`, value: Math.round(rate), unit: 'req/s', target: null },
    { bench: `${at}:p50`, value: middle.latency.p50, unit: 'ms', target: null },
    { bench: `${at}:p99`, value: middle.latency.p99, unit: 'ms', target: null },
    { bench: `${at}:errors`, value: errors, unit: 'requests', target: 0 },
  ];
}

export async function benchApiLoad(
  connectionCounts: readonly number[] = LOAD_CONNECTIONS,
  durationS = DURATION_S,
): Promise<BenchResult[]> {
  const app = await startLocalServer('bench-load', { withWeb: false });
  const baseline = await startLocalServer('bench-baseline', {
    config: BASELINE_CONFIG,
    readyPath: '/api/baseline',
  });
  const results: BenchResult[] = [];
  const inspectors: { close(): void }[] = [];
  try {
    assertLoopback(app.baseURL);
    assertLoopback(baseline.baseURL);
    // Both Workers without wrangler's tracing of every D1 call (worker-heap.ts).
    inspectors.push(
      await withoutNetworkTracing(app.inspectorPort),
      await withoutNetworkTracing(baseline.inspectorPort),
    );
    const center = await seedCenter(app.baseURL);
    const scenarios = await loadScenarios(center, Math.max(...connectionCounts));
    for (const connections of connectionCounts) {
      const load = async (url: string, scenario: Pick<Scenario, 'requests' | 'before'>) => {
        await scenario.before?.();
        return cannon(url, scenario.requests, { connections, durationS });
      };
      const baseRuns: Result[] = [];
      const readRuns = new Map<string, Result[]>();
      for (let round = 0; round < READ_ROUNDS; round++) {
        baseRuns.push(await load(baseline.baseURL, { requests: BASELINE_REQUESTS }));
        for (const scenario of scenarios.filter((item) => item.read)) {
          readRuns.set(scenario.name, [
            ...(readRuns.get(scenario.name) ?? []),
            await load(app.baseURL, scenario),
          ]);
        }
      }
      results.push(...figures('baseline', connections, baseRuns));
      for (const scenario of scenarios) {
        const runs = readRuns.get(scenario.name) ?? [await load(app.baseURL, scenario)];
        results.push(...figures(scenario.name, connections, runs));
        if (!scenario.read) continue;
        const ratios = runs.map(
          (run, round) => run.requests.average / (baseRuns[round]?.requests.average ?? 1),
        );
        results.push({
          bench: `api-load:${scenario.name}@${connections}:of-baseline`,
          value: Math.round(median(ratios) * 100) / 100,
          unit: 'ratio',
          target: READ_RATIO_TARGET,
        });
      }
    }
    return results;
  } finally {
    for (const inspector of inspectors) inspector.close();
    await app.stop();
    await baseline.stop();
  }
}
