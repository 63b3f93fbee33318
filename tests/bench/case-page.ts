import { caseFileViewSchema } from '../../core/api/index.js';
import { launchChromium } from '../e2e/browser.js';
import { startLocalServer } from '../support/local-server.js';
import type { BenchResult } from './crypto-bench.js';
import { BENCH_COUNSELOR as counselor, seedCase, seedCenter, seedNotes } from './seed.js';

/**
 * Issue 4's figure (and issue 12's 2,000-note variant): a counselor opens a case of `notes` notes
 * of ~2 KB in Chromium — from the click on the case to the newest decrypted note on screen
 * (target ≤ 300 ms for 200 notes). Seeded through the real API with the real crypto on a fresh
 * local server.
 */

async function seed(baseURL: string, notes: number) {
  const { counselor: context } = await seedCenter(baseURL);
  const opened = await seedCase(context);
  await seedNotes(context, opened, notes);
  return { context, caseId: opened.view.case.id };
}

export async function benchCasePage(notes = 200): Promise<BenchResult[]> {
  const server = await startLocalServer('bench');
  const browser = await launchChromium();
  try {
    const { context, caseId } = await seed(server.baseURL, notes);
    // The server's part: one GET of the whole case file (log, records, keys), audited.
    const apiSamples: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      await context.api.get(`/api/cases/${caseId}`, caseFileViewSchema);
      apiSamples.push(performance.now() - start);
    }
    const page = await browser.newPage({ baseURL: server.baseURL, viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(60_000);
    await page.goto('/login');
    await page.getByLabel('电子邮箱').fill(counselor.email);
    await page.getByLabel('口令', { exact: true }).fill(counselor.passphrase);
    await page.getByRole('button', { name: '登录' }).click();
    const firstSamples: number[] = [];
    const samples: number[] = [];
    for (let run = 0; run < 5; run++) {
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的个案' }).click();
      const link = page.locator('a.case-link').first();
      await link.waitFor();
      const start = Date.now();
      await link.click();
      // The newest note, decrypted, on screen: the list shows its first screenful at once.
      await page.locator('li.record-card').first().getByText(`${notes}. `).waitFor();
      firstSamples.push(Date.now() - start);
      await page
        .locator('li.record-card')
        .nth(notes - 1)
        .waitFor();
      samples.push(Date.now() - start);
    }
    const median = (values: number[]) =>
      [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] as number;
    return [
      {
        bench: `case-page-first-notes-${notes}:chromium`,
        value: median(firstSamples),
        unit: 'ms',
        // Issue 4's target is for 200 notes; issue 12 asks for 2,000 as a figure.
        target: notes === 200 ? 300 : null,
      },
      { bench: `case-page-${notes}-notes:chromium`, value: median(samples), unit: 'ms', target: null },
      {
        bench: `case-page-part:api-case-file-${notes}`,
        value: Math.round(median(apiSamples)),
        unit: 'ms',
        target: null,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
