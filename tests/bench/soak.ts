import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from 'autocannon';
import { startLocalServer } from '../support/local-server.js';
import { cannon, failures } from './api-load.js';
import type { BenchResult } from './crypto-bench.js';
import { loadScenarios } from './load-scenarios.js';
import { seedCenter } from './seed.js';
import { connectHeapReader } from './worker-heap.js';

/**
 * `npm run bench -- --soak` (issue 12): ten minutes of mixed load on the app under `wrangler dev`
 * at 127.0.0.1 — login, case list, opening a case, saving records and booking in turns of
 * TURN_S seconds at CONNECTIONS connections — with no error allowed. Once a minute it samples the
 * Worker's JavaScript heap after a full collection (what our code keeps alive: flat means the
 * median of the last three samples within 10 % of the median of the first three after a
 * two-minute warm-up), and, for information,
 * the resident memory of the workerd that runs the Worker with its local D1, and the D1 file's
 * size: that process also holds SQLite's pages, which grow with the data the load writes.
 */

const SOAK_S = 600;
const TURN_S = 5;
const CONNECTIONS = 16;
const SAMPLE_EVERY_S = 60;
const GROWTH_TARGET_PERCENT = 10;
/** A fresh Worker's heap grows while its JIT and caches reach their working size: not a leak. */
const WARM_UP_S = 120;

/**
 * The resident set in MB of the workerd that runs the Worker and its local D1: in wrangler's
 * process group, the one started with an inspector (the other workerd is wrangler's own dev
 * proxy, which forwards each request and is not part of a deployment).
 */
function runtimeRssMb(groupId: number): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (name !== 'workerd' || Number(fields[2]) !== groupId) continue;
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('--inspector-addr')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      if (rss) return Number(rss[1]) / 1024;
    } catch {
      // The process ended while being read.
    }
  }
  throw new Error('no workerd with an inspector in the server process group');
}

/** Every file below the local D1's directory, in MB (the database, its WAL and shared memory). */
function d1SizeMb(stateDir: string): number {
  const walk = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
      const path = join(dir, entry.name);
      return sum + (entry.isDirectory() ? walk(path) : statSync(path).size);
    }, 0);
  return walk(join(stateDir, 'v3', 'd1')) / 1024 / 1024;
}

/** "save-record 409×2, booking timeout×1": what failed, so that an error can be explained. */
function describeFailures(name: string, result: Result): string[] {
  const out: string[] = [];
  for (const [status, stats] of Object.entries(result.statusCodeStats ?? {}))
    if (!status.startsWith('2')) out.push(`${name} ${status}×${stats.count}`);
  if (result.timeouts) out.push(`${name} timeout×${result.timeouts}`);
  if (result.errors > result.timeouts) out.push(`${name} socket error×${result.errors - result.timeouts}`);
  return out;
}

const round = (value: number) => Math.round(value * 10) / 10;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

interface Sample {
  at: number;
  heapMb: number | undefined;
  rssMb: number;
  d1Mb: number;
}

export async function benchSoak(seconds = SOAK_S): Promise<BenchResult[]> {
  const server = await startLocalServer('bench-soak', { withWeb: false });
  try {
    const center = await seedCenter(server.baseURL);
    const scenarios = await loadScenarios(center, CONNECTIONS);
    const heap = await connectHeapReader(server.inspectorPort);
    const started = Date.now();
    const sample = async (): Promise<Sample> => ({
      at: (Date.now() - started) / 1000,
      heapMb: await heap.usedMb(),
      rssMb: runtimeRssMb(server.pid),
      d1Mb: d1SizeMb(server.stateDir),
    });
    const samples = [await sample()];
    // Sampled beside the load, not between its turns: a collection through the inspector can
    // take seconds on a busy machine, and the load must not pause for it.
    let inFlight: Promise<void> | undefined;
    const sampler = setInterval(() => {
      inFlight ??= sample()
        .then((taken) => void samples.push(taken))
        .finally(() => {
          inFlight = undefined;
        });
    }, SAMPLE_EVERY_S * 1000);
    let requests = 0;
    let failed = 0;
    const failing: string[] = [];
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
      failing.push(...describeFailures(scenario.name, result));
    }
    clearInterval(sampler);
    await inFlight;
    samples.push(await sample());
    heap.close();
    if (failing.length) console.error(`soak failures: ${failing.join(', ')}`);
    return soakFigures(seconds, requests, failed, samples);
  } finally {
    await server.stop();
  }
}

function soakFigures(seconds: number, requests: number, failed: number, samples: Sample[]): BenchResult[] {
  const name = (figure: string) => `soak:${seconds}s:${figure}`;
  const heaps = samples.filter((s): s is Sample & { heapMb: number } => s.heapMb !== undefined);
  const warmUp = Math.min(WARM_UP_S, seconds / 4);
  // Medians of three samples: one collection can land in the middle of a burst of requests.
  const settled = heaps.filter((s) => s.at >= warmUp);
  const afterWarmUp = median(settled.slice(0, 3).map((s) => s.heapMb));
  const last = median(settled.slice(-3).map((s) => s.heapMb));
  // The sample after the last turn can fall in the same minute as the last timed one: name it apart.
  const perMinute = samples.slice(1).flatMap((s, index, taken) => {
    const minute = index === taken.length - 1 ? 'end' : `minute-${Math.round(s.at / 60)}`;
    return [
      {
        bench: name(`worker-heap-${minute}`),
        value: round(s.heapMb ?? Number.NaN),
        unit: 'MB',
        target: null,
      },
      { bench: name(`workerd-rss-${minute}`), value: round(s.rssMb), unit: 'MB', target: null },
      { bench: name(`d1-file-${minute}`), value: round(s.d1Mb), unit: 'MB', target: null },
    ];
  });
  return [
    { bench: name('requests'), value: requests, unit: 'requests', target: null },
    { bench: name('errors'), value: failed, unit: 'requests', target: 0 },
    ...perMinute,
    {
      bench: name('worker-heap-growth'),
      value: settled.length >= 6 ? round(((last - afterWarmUp) / afterWarmUp) * 100) : Number.NaN,
      unit: '%',
      target: GROWTH_TARGET_PERCENT,
    },
    {
      bench: name('workerd-rss-growth-per-d1-mb'),
      value: rssPerD1Mb(samples.filter((s) => s.at >= warmUp)),
      unit: 'MB/MB',
      target: null,
    },
    {
      bench: name('workerd-rss-max'),
      value: round(Math.max(...samples.map((s) => s.rssMb))),
      unit: 'MB',
      target: null,
    },
  ];
}

/** How much resident memory grew for each MB the database grew, after the warm-up. */
function rssPerD1Mb(samples: Sample[]): number {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || last.d1Mb === first.d1Mb) return Number.NaN;
  return round((last.rssMb - first.rssMb) / (last.d1Mb - first.d1Mb));
}
