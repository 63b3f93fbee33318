import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin, counselor } from './center';
import { goTo, logIn } from './steps';

/**
 * Issue 9 in the browser, after the earlier files gave the shared center cases and sessions: the
 * admin reads the center's figures as a number and as bars, a channel breakdown hides its small
 * cells, the CSV downloads; a counselor sees only their own figures.
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };

describe('reports over operational data', () => {
  let browser: Browser;
  let adminTab: OpenedPage;
  let counselorTab: OpenedPage;

  beforeAll(async () => {
    browser = await launchChromium();
    adminTab = await openPage(browser, baseURL, 'laptop');
    counselorTab = await openPage(browser, baseURL, 'laptop');
  });

  afterAll(async () => {
    await adminTab?.close();
    await counselorTab?.close();
    await browser?.close();
  });

  it('shows the center its new cases, as a total and by counselor, and downloads the CSV', async () => {
    const { page } = adminTab;
    await logIn(page, admin);
    await goTo(page, '报表');
    await page.getByRole('heading', { name: '报表', level: 1 }).waitFor();
    await page.getByLabel('指标').selectOption('new_cases');
    const kpi = page.getByTestId('report-kpi');
    await expect.poll(async () => Number(await kpi.textContent())).toBeGreaterThan(0);

    await page.getByLabel('分组').selectOption('counselor');
    await page.getByRole('img', { name: '新建个案 · 按咨询师' }).waitFor();
    const rows = await page.locator('table tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    await saveScreenshot(page, 'reports-new-cases-by-counselor');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 CSV' }).click();
    const csv = await readFile(await (await downloading).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('counselor,new_cases (count),note');
    expect(csv.split('\r\n').filter(Boolean).length).toBe(rows.length + 1);
  });

  it('hides every channel with fewer than five cases', async () => {
    const { page } = adminTab;
    await page.getByLabel('分组').selectOption('channel');
    await page.getByRole('img', { name: '新建个案 · 按来源渠道' }).waitFor();
    // Every cell shows a figure of at least 5, or says it is hidden: no small count is readable.
    const cells = await page.locator('table tbody tr td:nth-child(2)').allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell === '少于 5，已隐藏' || Number(cell) >= 5, cell).toBe(true);
  });

  it('shows a counselor their own figures only', async () => {
    const { page } = counselorTab;
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    await goTo(page, '报表');
    await page.getByLabel('指标').selectOption('new_cases');
    await page.getByText('你看到的是你自己的数据。').waitFor();
    expect(await page.getByTestId('report-kpi').textContent()).toMatch(/^\d+$/);
    expect(await page.getByLabel('指标').locator('option').allInnerTexts()).not.toContain('应收咨询费（元）');
    expect(adminTab.problems).toEqual(noProblems);
    expect(counselorTab.problems).toEqual(noProblems);
  });
});
