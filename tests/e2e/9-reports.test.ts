import { readFile } from 'node:fs/promises';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin, counselor } from './center';
import { goTo, logIn } from './steps';

/**
 * Issue 9 in the browser, after the earlier files gave the shared center cases and sessions: the
 * admin reads the center's figures as a number and as bars, a channel breakdown hides its small
 * cells, the CSV downloads; a counselor sees only their own figures. Then dashboards: the shipped
 * cockpit draws its charts; the admin builds a dashboard for counselors — one widget filtered to a
 * counselor, the filter shown under its title — and counselors see their own share.
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };

/** How many pixels of a chart's canvas are painted: Chart.js drew something, not a blank box. */
async function paintedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element) => {
    const { width, height } = element as HTMLCanvasElement;
    const pixels = (element as HTMLCanvasElement).getContext('2d')?.getImageData(0, 0, width, height).data;
    let painted = 0;
    for (let alpha = 3; pixels && alpha < pixels.length; alpha += 4)
      if ((pixels[alpha] ?? 0) > 0) painted += 1;
    return painted;
  });
}

/** Waits for a widget's chart, or its "no data" line; true when it drew a chart. */
async function drawnOrEmpty(widget: Locator): Promise<boolean> {
  const chart = widget.getByRole('img');
  await chart.or(widget.getByText('这段时间没有数据。')).waitFor();
  return chart.isVisible();
}

const dashboardName = `咨询师个案看板 ${Date.now().toString(36)}`;
let counselorFigure: string | null = null;

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
  });

  it('renders the operations cockpit with drawn charts, hides small cells and downloads a widget’s CSV', async () => {
    const { page } = adminTab;
    await goTo(page, '仪表板');
    await page.getByRole('heading', { name: '仪表板', level: 1 }).waitFor();
    await page.getByLabel('仪表板', { exact: true }).selectOption({ label: '运营驾驶舱' });
    await page.getByRole('heading', { name: '运营驾驶舱', level: 2 }).waitFor();

    const trend = page.getByRole('region', { name: '完成的咨询次数 · 按月' });
    const chart = trend.getByRole('img', { name: /^完成的咨询次数 · 按月: / });
    await chart.waitFor();
    await expect.poll(() => paintedPixels(chart)).toBeGreaterThan(100);
    expect(await page.getByTestId('widget-kpi').count()).toBeGreaterThanOrEqual(3);

    // The channel donut (when this year has cases): every share is at least 5 or shows as "<5".
    const channels = page.getByRole('region', { name: '新建个案 · 按来源渠道' });
    if (await drawnOrEmpty(channels)) {
      const cells = await channels.locator('tbody td').allTextContents();
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells)
        expect(cell === '<5' || Number(cell.replaceAll(',', '')) >= 5, cell).toBe(true);
    }
    await saveScreenshot(page, 'dashboard-cockpit');

    const downloading = page.waitForEvent('download');
    await trend.getByRole('button', { name: '下载 CSV' }).click();
    const csv = (await readFile(await (await downloading).path(), 'utf8')).split('\r\n').filter(Boolean);
    expect(csv[0]).toBe('month,sessions (count)');
    expect(csv).toHaveLength(13);
  });

  it('lets the admin build a dashboard with a line chart and share it with counselors', async () => {
    const { page } = adminTab;
    await page.getByRole('link', { name: '新建仪表板' }).click();
    await page.getByLabel('名称').fill(dashboardName);
    const roles = page.getByRole('group', { name: '哪些角色可以看到' });
    await roles.getByText('主任', { exact: true }).click();
    await roles.getByText('咨询师', { exact: true }).click();

    const widget = async (n: number, chart: string, dimension: string) => {
      await page.getByRole('button', { name: '添加组件' }).click();
      const fields = page.getByRole('group', { name: `组件 ${n}` });
      await fields.getByLabel('图表类型').selectOption(chart);
      await fields.getByLabel('指标 1').selectOption('new_cases');
      // A KPI card totals: its breakdown is fixed at none.
      if (chart !== 'kpi') await fields.getByLabel('分组').selectOption(dimension);
      await fields.getByLabel('时间段').selectOption('this_year');
    };
    await widget(1, 'bar', 'counselor');
    await widget(2, 'line', 'month');
    await widget(3, 'kpi', 'none');
    // The line chart's live preview is drawn before anything is saved.
    const preview = page.getByRole('listitem').filter({ has: page.getByRole('group', { name: '组件 2' }) });
    await expect
      .poll(() => paintedPixels(preview.getByRole('img', { name: /^新建个案 · 按月: / })))
      .toBeGreaterThan(100);
    await page.getByRole('button', { name: '上移组件 3' }).click();
    await page.getByRole('button', { name: '上移组件 2' }).click();
    // A fourth widget narrowed by a filter: one counselor's sessions by month.
    await page.getByRole('button', { name: '添加组件' }).click();
    const filtered = page.getByRole('group', { name: '组件 4' });
    await filtered.getByLabel('图表类型').selectOption('bar');
    await filtered.getByLabel('指标 1').selectOption('sessions');
    await filtered.getByLabel('分组').selectOption('month');
    await filtered.getByLabel('时间段').selectOption('this_year');
    await filtered
      .getByRole('group', { name: '筛选（可选）' })
      .getByLabel('咨询师', { exact: true })
      .selectOption({ label: counselor.name });
    await saveScreenshot(page, 'dashboard-builder');

    await page.getByRole('button', { name: '保存仪表板' }).click();
    await page.getByRole('heading', { name: dashboardName, level: 2 }).waitFor();
    // The saved dashboard draws its widgets once its people and catalog have loaded.
    await expect
      .poll(() => page.locator('.widget__title').allTextContents())
      .toEqual(['新建个案 · 合计', '新建个案 · 按咨询师', '新建个案 · 按月', '完成的咨询次数 · 按月']);
    const ownSessions = page.getByRole('region', { name: '完成的咨询次数 · 按月' });
    await expect
      .poll(() => ownSessions.locator('.widget__filters').textContent())
      .toBe(`筛选：咨询师 ${counselor.name}`);
    await drawnOrEmpty(ownSessions);
    const byCounselor = page.getByRole('region', { name: '新建个案 · 按咨询师' });
    await drawnOrEmpty(byCounselor);
    const rows = await byCounselor
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('th')?.textContent ?? '',
          tr.querySelector('td')?.textContent ?? '',
        ]),
      );
    // A counselor without a case this year has no row: their figure is 0.
    counselorFigure = rows.find(([name]) => name === counselor.name)?.[1] ?? '0';
    expect(counselorFigure).toMatch(/^\d+$/);
  });

  it('shows the counselor that dashboard with their own figures only', async () => {
    const { page } = counselorTab;
    await goTo(page, '仪表板');
    await page.getByLabel('仪表板', { exact: true }).selectOption({ label: dashboardName });
    await page.getByRole('heading', { name: dashboardName, level: 2 }).waitFor();
    await page.getByRole('img', { name: /^新建个案 · 按月: / }).waitFor();
    await expect.poll(() => page.getByTestId('widget-kpi').textContent()).toBe(`新建个案${counselorFigure}`);
    const byCounselor = page.getByRole('region', { name: '新建个案 · 按咨询师' });
    const ownRows = (await drawnOrEmpty(byCounselor)) ? [counselor.name] : [];
    expect(await byCounselor.locator('tbody th').allTextContents()).toEqual(ownRows);
    expect(await page.getByText('你看到的是你自己的数据。').count()).toBe(4);
    await expect
      .poll(() =>
        page.getByRole('region', { name: '完成的咨询次数 · 按月' }).locator('.widget__filters').textContent(),
      )
      .toMatch(/^筛选：咨询师 /);
    await saveScreenshot(page, 'dashboard-counselor');
    expect(await page.getByRole('link', { name: '编辑此仪表板' }).count()).toBe(0);
    expect(adminTab.problems).toEqual(noProblems);
    expect(counselorTab.problems).toEqual(noProblems);
  });
});
