import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/browser.js';
import { startLocalServer } from '../support/local-server.js';
import type { BenchResult } from './crypto-bench.js';
import { BENCH_COUNSELOR, seedCenter } from './seed.js';

/**
 * Issue 12's page timings: largest contentful paint (PerformanceObserver, buffered) of a full
 * load of the login page and of the dashboard address with a live session, in headless Chromium
 * on localhost, median of 5 loads each (target ≤ 1.0 s). Keys live in memory only, so a full load
 * of the dashboard shows the unlock screen (PROTOCOL §4); signing in from the login page to the
 * dashboard on screen is timed too, Argon2id included, without a target.
 */

const RUNS = 5;
const LCP_TARGET_MS = 1000;

/** The last LCP candidate once the page has been still for a moment. */
function largestContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let latest = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) latest = Math.max(latest, entry.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve(latest), 1500);
      }),
  );
}

const median = (values: number[]) =>
  [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] as number;

export async function benchPageTimings(): Promise<BenchResult[]> {
  const server = await startLocalServer('bench-pages');
  const browser = await launchChromium();
  try {
    await seedCenter(server.baseURL);
    const context = await browser.newContext({
      baseURL: server.baseURL,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const login: number[] = [];
    const dashboard: number[] = [];
    const signIn: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto('/login');
      await page.getByRole('button', { name: '登录' }).waitFor();
      login.push(await largestContentfulPaint(page));

      await page.getByLabel('电子邮箱').fill(BENCH_COUNSELOR.email);
      await page.getByLabel('口令', { exact: true }).fill(BENCH_COUNSELOR.passphrase);
      const start = Date.now();
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('navigation', { name: '主导航' }).waitFor();
      await page.locator('main h1').first().waitFor();
      signIn.push(Date.now() - start);

      // A full load of the dashboard with the session cookie: the unlock screen, keys being memory-only.
      await page.goto('/');
      await page.getByRole('button').first().waitFor();
      dashboard.push(await largestContentfulPaint(page));
      await context.clearCookies();
    }
    return [
      {
        bench: 'page-lcp:login:chromium',
        value: Math.round(median(login)),
        unit: 'ms',
        target: LCP_TARGET_MS,
      },
      {
        bench: 'page-lcp:dashboard-reload:chromium',
        value: Math.round(median(dashboard)),
        unit: 'ms',
        target: LCP_TARGET_MS,
      },
      { bench: 'page-sign-in-to-dashboard:chromium', value: median(signIn), unit: 'ms', target: null },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
