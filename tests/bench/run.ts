import { existsSync } from 'node:fs';
import { KDF_DEFAULT, KDF_FLOOR, type KdfParams } from '../../crypto/passphrase.js';
import { benchCasePage } from './case-page.js';
import { withBenchPage } from './chromium.js';
import {
  type BenchResult,
  benchEnvelopeThroughput,
  benchOpenCase,
  benchOpenCaseParts,
  benchUnlock,
} from './crypto-bench.js';
import { benchReportDashboards } from './reports.js';

/**
 * `npm run bench`: one JSON line per figure on stdout
 * ({"bench": name, "value": number, "unit": "...", "target": number|null}); docs/benchmarks.md
 * records them with the machine. `--argon2-sweep` also times candidate Argon2id parameters;
 * `--reports` times only the shipped report dashboards (tests/bench/reports.ts).
 */

type BenchApi = {
  benchEnvelopeThroughput: typeof benchEnvelopeThroughput;
  benchOpenCase: typeof benchOpenCase;
  benchOpenCaseParts: typeof benchOpenCaseParts;
  benchUnlock: typeof benchUnlock;
};

function report(results: BenchResult[], where: string) {
  for (const result of results) {
    console.log(JSON.stringify({ ...result, bench: `${result.bench}${where}` }));
  }
}

const sweep = process.argv.includes('--argon2-sweep');

if (process.argv.includes('--reports')) {
  report(await benchReportDashboards(), '');
  process.exit(0);
}

report(await benchEnvelopeThroughput(), '');
report(await benchOpenCase(200), '');
report(await benchOpenCaseParts(200), '');
report(
  [{ bench: 'argon2id-unlock-node', value: await benchUnlock(KDF_DEFAULT), unit: 'ms', target: 1500 }],
  '',
);

if (existsSync('/usr/bin/chromium')) {
  await withBenchPage(async (page) => {
    const call = <T>(fn: (api: BenchApi, arg: KdfParams) => Promise<T>, arg: KdfParams = KDF_DEFAULT) =>
      page.evaluate(
        ([source, value]) =>
          new Function('api', 'arg', `return (${source})(api, arg)`)(
            (globalThis as never as { tacitBench: BenchApi }).tacitBench,
            value,
          ),
        [fn.toString(), arg] as const,
      ) as Promise<T>;
    report(await call((api) => api.benchEnvelopeThroughput()), ':chromium');
    report(await call((api) => api.benchOpenCase(200)), ':chromium');
    report(await call((api) => api.benchOpenCaseParts(200)), ':chromium');
    const unlock = await call((api, params) => api.benchUnlock(params));
    report(
      [
        {
          bench: `argon2id-unlock:chromium(m=${KDF_DEFAULT.m},t=${KDF_DEFAULT.t})`,
          value: unlock,
          unit: 'ms',
          target: 1500,
        },
      ],
      '',
    );
    if (sweep) {
      for (const m of [KDF_FLOOR.m, 32 * 1024, 48 * 1024, 64 * 1024, 96 * 1024, 128 * 1024]) {
        for (const t of [2, 3, 4]) {
          const ms = await call((api, params) => api.benchUnlock(params), { m, t, p: 1 });
          report(
            [{ bench: `argon2id-sweep:chromium(m=${m},t=${t})`, value: ms, unit: 'ms', target: 1500 }],
            '',
          );
        }
      }
    }
  });
} else {
  console.error('Chromium not found at /usr/bin/chromium: browser figures skipped');
}

if (existsSync('/usr/bin/chromium')) report(await benchCasePage(200), '');

report(await benchReportDashboards(), '');
