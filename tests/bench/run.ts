import { existsSync } from 'node:fs';
import { KDF_DEFAULT, KDF_FLOOR, type KdfParams } from '../../crypto/passphrase.js';
import { benchApiLoad } from './api-load.js';
import { benchBundle } from './bundle.js';
import { benchCasePage } from './case-page.js';
import { withBenchPage } from './chromium.js';
import {
  type BenchResult,
  benchEnvelopeThroughput,
  benchOpenCase,
  benchOpenCaseParts,
  benchUnlock,
} from './crypto-bench.js';
import { benchPageTimings } from './page-timings.js';
import { printResults, rewriteSection, withLoad } from './report.js';
import { benchReportDashboards } from './reports.js';
import { benchSearch } from './search-bench.js';
import { benchSoak } from './soak.js';

/**
 * `npm run bench`: one JSON line per figure on stdout
 * ({"bench": name, "value": number, "unit": "...", "target": number|null, "load": 1-min load
 * average}), and the generated section of docs/benchmarks.md rewritten with the machine, the
 * command and the figures. Flags: `--only a,b` runs the named groups only (crypto, bundle,
 * case-page, pages, api-load, reports, search); `--argon2-sweep` also times candidate Argon2id
 * parameters; `--soak` runs the 10-minute soak alone (its own section of the document;
 * `--soak-seconds N` a shorter one, printed only).
 */

type BenchApi = {
  benchEnvelopeThroughput: typeof benchEnvelopeThroughput;
  benchOpenCase: typeof benchOpenCase;
  benchOpenCaseParts: typeof benchOpenCaseParts;
  benchUnlock: typeof benchUnlock;
  benchSearch: typeof benchSearch;
};

const DOC = new URL('../../docs/benchmarks.md', import.meta.url).pathname;
const args = process.argv.slice(2);
const sweep = args.includes('--argon2-sweep');
// `--reports` (the reports benchmark's own flag) is `--only reports`.
const only = args.includes('--reports')
  ? ['reports']
  : args.includes('--only')
    ? args[args.indexOf('--only') + 1]?.split(',')
    : undefined;
const hasChromium = existsSync('/usr/bin/chromium');

async function benchCrypto(): Promise<BenchResult[]> {
  const results = [
    ...(await benchEnvelopeThroughput()),
    ...(await benchOpenCase(200)),
    ...(await benchOpenCaseParts(200)),
    { bench: 'argon2id-unlock-node', value: await benchUnlock(KDF_DEFAULT), unit: 'ms', target: 1500 },
  ];
  if (!hasChromium) return results;
  return withBenchPage(async (page) => {
    const call = <T>(fn: (api: BenchApi, arg: KdfParams) => Promise<T>, arg: KdfParams = KDF_DEFAULT) =>
      page.evaluate(
        ([source, value]) =>
          new Function('api', 'arg', `return (${source})(api, arg)`)(
            (globalThis as never as { tacitBench: BenchApi }).tacitBench,
            value,
          ),
        [fn.toString(), arg] as const,
      ) as Promise<T>;
    const inChromium = (list: BenchResult[]) =>
      list.map((result) => ({ ...result, bench: `${result.bench}:chromium` }));
    results.push(...inChromium(await call((api) => api.benchEnvelopeThroughput())));
    results.push(...inChromium(await call((api) => api.benchOpenCase(200))));
    results.push(...inChromium(await call((api) => api.benchOpenCaseParts(200))));
    results.push({
      bench: `argon2id-unlock:chromium(m=${KDF_DEFAULT.m},t=${KDF_DEFAULT.t})`,
      value: await call((api, params) => api.benchUnlock(params)),
      unit: 'ms',
      target: 1500,
    });
    if (sweep) {
      for (const m of [KDF_FLOOR.m, 32 * 1024, 48 * 1024, 64 * 1024, 96 * 1024, 128 * 1024]) {
        for (const t of [2, 3, 4]) {
          const ms = await call((api, params) => api.benchUnlock(params), { m, t, p: 1 });
          results.push({
            bench: `argon2id-sweep:chromium(m=${m},t=${t})`,
            value: ms,
            unit: 'ms',
            target: 1500,
          });
        }
      }
    }
    return results;
  });
}

/** Issue 14: index 2,000 notes and query them, in Node and (where it exists) in Chromium. */
async function benchSearchGroup(): Promise<BenchResult[]> {
  const results = benchSearch(2000).map((result) => ({ ...result, bench: `${result.bench}:node` }));
  if (!hasChromium) return results;
  const inChromium = await withBenchPage((page) =>
    page.evaluate(() => (globalThis as never as { tacitBench: BenchApi }).tacitBench.benchSearch(2000)),
  );
  return [...results, ...inChromium.map((result) => ({ ...result, bench: `${result.bench}:chromium` }))];
}

/**
 * Every group of figures, in the order they run. A group that needs Chromium is skipped without
 * it. `reports` is the report dashboards' benchmark (tests/bench/reports.ts).
 */
const GROUPS: { name: string; chromium?: boolean; run: () => Promise<BenchResult[]> }[] = [
  { name: 'crypto', run: benchCrypto },
  { name: 'bundle', run: benchBundle },
  {
    name: 'case-page',
    chromium: true,
    run: async () => [...(await benchCasePage(200)), ...(await benchCasePage(2000))],
  },
  { name: 'pages', chromium: true, run: benchPageTimings },
  { name: 'api-load', run: () => benchApiLoad() },
  { name: 'reports', run: benchReportDashboards },
  { name: 'search', run: benchSearchGroup },
];

const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;

if (args.includes('--soak')) {
  // `--soak-seconds N`: a shorter soak for investigating; only the full one is recorded.
  const seconds = args.includes('--soak-seconds')
    ? Number(args[args.indexOf('--soak-seconds') + 1])
    : undefined;
  const results = (await benchSoak(seconds)).map(withLoad);
  printResults(results);
  if (seconds === undefined) rewriteSection(DOC, 'soak', command, results);
} else {
  for (const group of GROUPS) {
    if (only && !only.includes(group.name)) continue;
    if (group.chromium && !hasChromium) {
      console.error(`Chromium not found at /usr/bin/chromium: ${group.name} skipped`);
      continue;
    }
    const results = (await group.run()).map(withLoad);
    printResults(results);
    rewriteSection(DOC, group.name, command, results);
  }
}
