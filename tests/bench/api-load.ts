import { fileURLToPath } from 'node:url';
import autocannon, { type Request as CannonRequest, type Result } from 'autocannon';
import { startLocalServer } from '../support/local-server.js';
import type { BenchResult } from './crypto-bench.js';
import { loadScenarios } from './load-scenarios.js';
import { seedCenter } from './seed.js';

/**
 * Issue 12's API load: the app under `wrangler dev` (Miniflare, local D1) on 127.0.0.1, and a bare
 * Hono + D1 route served the same way in the same run as the baseline. Every scenario runs for
 * DURATION_S at each connection count; every answer must be 2xx (errors target 0), and the read
 * routes must keep ≥ 0.7 of the baseline's requests per second.
 */

export const LOAD_CONNECTIONS = [16, 64] as const;
const DURATION_S = 10;
const READ_RATIO_TARGET = 0.7;
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

function figures(name: string, connections: number, result: Result): BenchResult[] {
  const at = `api-load:${name}@${connections}`;
  return [
    { bench: `${at}:rps`, value: Math.round(result.requests.average), unit: 'req/s', target: null },
    { bench: `${at}:p50`, value: result.latency.p50, unit: 'ms', target: null },
    { bench: `${at}:p99`, value: result.latency.p99, unit: 'ms', target: null },
    { bench: `${at}:errors`, value: failures(result), unit: 'requests', target: 0 },
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
  try {
    assertLoopback(app.baseURL);
    assertLoopback(baseline.baseURL);
    const center = await seedCenter(app.baseURL);
    const scenarios = await loadScenarios(center, Math.max(...connectionCounts));
    for (const connections of connectionCounts) {
      const base = await cannon(baseline.baseURL, [{ method: 'GET', path: '/api/baseline' }], {
        connections,
        durationS,
      });
      results.push(...figures('baseline', connections, base));
      for (const scenario of scenarios) {
        await scenario.before?.();
        const result = await cannon(app.baseURL, scenario.requests, { connections, durationS });
        results.push(...figures(scenario.name, connections, result));
        if (scenario.read) {
          results.push({
            bench: `api-load:${scenario.name}@${connections}:of-baseline`,
            value: Math.round((result.requests.average / base.requests.average) * 100) / 100,
            unit: 'ratio',
            target: READ_RATIO_TARGET,
          });
        }
      }
    }
    return results;
  } finally {
    await app.stop();
    await baseline.stop();
  }
}
