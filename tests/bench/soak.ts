import { readdirSync, readFileSync } from 'node:fs';
import { startLocalServer } from '../support/local-server.js';
import { cannon, failures } from './api-load.js';
import type { BenchResult } from './crypto-bench.js';
import { loadScenarios } from './load-scenarios.js';
import { seedCenter } from './seed.js';

/**
 * `npm run bench -- --soak` (issue 12): ten minutes of mixed load on the app under `wrangler dev`
 * at 127.0.0.1 — login, case list, opening a case, saving records and booking in turns of
 * TURN_S seconds at CONNECTIONS connections — with no error allowed, and workerd's resident memory
 * sampled every turn: flat means the last minute's average within 10 % of the minute after a
 * two-minute warm-up.
 */

const SOAK_S = 600;
const TURN_S = 5;
const CONNECTIONS = 16;
const GROWTH_TARGET_PERCENT = 10;
/**
 * Memory is compared from the minute after this: a fresh workerd grows while its JIT, the SQLite
 * page cache of the local D1 and V8's heap reach their working size, which is not a leak.
 */
const WARM_UP_S = 120;

/** workerd's resident set in MB: the process of that name in wrangler's process group. */
function workerdRssMb(groupId: number): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (name !== 'workerd' || Number(fields[2]) !== groupId) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      if (rss) return Number(rss[1]) / 1024;
    } catch {
      // The process ended while being read.
    }
  }
  throw new Error('no workerd process in the server process group');
}

const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

export async function benchSoak(seconds = SOAK_S): Promise<BenchResult[]> {
  const server = await startLocalServer('bench-soak', { withWeb: false });
  try {
    const center = await seedCenter(server.baseURL);
    const scenarios = await loadScenarios(center, CONNECTIONS);
    const samples: { at: number; rssMb: number }[] = [{ at: 0, rssMb: workerdRssMb(server.pid) }];
    const started = Date.now();
    let requests = 0;
    let failed = 0;
    for (let turn = 0; Date.now() - started < seconds * 1000; turn++) {
      const scenario = scenarios[turn % scenarios.length];
      if (!scenario) break;
      await scenario.before?.();
      const result = await cannon(server.baseURL, scenario.requests, {
        connections: CONNECTIONS,
        durationS: TURN_S,
      });
      requests += result.requests.total;
      failed += failures(result);
      samples.push({ at: (Date.now() - started) / 1000, rssMb: workerdRssMb(server.pid) });
    }
    const window = Math.min(60, seconds / 4);
    const warmUp = Math.min(WARM_UP_S, seconds / 4);
    const minuteAverage = (from: number) =>
      average(
        samples
          .filter((sample) => sample.at >= from && sample.at <= from + window)
          .map((sample) => sample.rssMb),
      );
    const first = minuteAverage(warmUp);
    const end = samples.at(-1)?.at ?? 0;
    const last = minuteAverage(end - window);
    const round = (value: number) => Math.round(value * 10) / 10;
    const minutes = Array.from({ length: Math.floor(end / 60) }, (_, minute) => ({
      bench: `soak:${seconds}s:workerd-rss-minute-${minute + 1}`,
      value: round(minuteAverage(minute * 60)),
      unit: 'MB',
      target: null,
    }));
    return [
      { bench: `soak:${seconds}s:requests`, value: requests, unit: 'requests', target: null },
      { bench: `soak:${seconds}s:errors`, value: failed, unit: 'requests', target: 0 },
      ...minutes,
      { bench: `soak:${seconds}s:workerd-rss-after-warm-up`, value: round(first), unit: 'MB', target: null },
      { bench: `soak:${seconds}s:workerd-rss-last-minute`, value: round(last), unit: 'MB', target: null },
      {
        bench: `soak:${seconds}s:workerd-rss-growth`,
        value: round(((last - first) / first) * 100),
        unit: '%',
        target: GROWTH_TARGET_PERCENT,
      },
      {
        bench: `soak:${seconds}s:workerd-rss-max`,
        value: round(Math.max(...samples.map((sample) => sample.rssMb))),
        unit: 'MB',
        target: null,
      },
    ];
  } finally {
    await server.stop();
  }
}
