import { readFile } from 'node:fs/promises';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { counselor } from './center';
import { goTo, logIn, modal } from './steps';

/**
 * Issue 13's last bullet on the clinical and daily pages: what a counselor sees when there is
 * nothing yet, when the server fails (the browser's own requests answered with a 500 or cut
 * off, then let through again for the retry), before something is taken away, and while a long
 * operation runs. Needs only 1-first-day (the counselor); makes its own case.
 */

const baseURL = inject('baseURL');
const run = Date.now().toString(36);
const clientName = `空状态 ${run}`;
const scanName = `扫描件-${run}.pdf`;
// 20 chunks of 64 KiB, the last one short
const CHUNKS = 20;
const scan = Buffer.from(
  Array.from({ length: CHUNKS * 65_536 - 1_000 }, (_, index) => (index * 13 + 1) % 256),
);
const serverError = JSON.stringify({ error: { code: 'internal', message: 'boom' } });

/** Every chunk a little later than the network would bring it, so the progress can be seen. */
async function slowChunk(route: Route) {
  await new Promise((resolve) => setTimeout(resolve, 150));
  await route.continue();
}

function alertDialog(page: Page) {
  return page.getByRole('alertdialog');
}

const caseList = (url: URL) => url.pathname === '/api/cases';
const conferences = (url: URL) => url.pathname.startsWith('/api/conferences');
const chunks = (url: URL) => /^\/api\/cases\/[^/]+\/attachments\/[^/]+\/chunks\/\d+$/.test(url.pathname);
const calendarWeek = (url: URL) => url.pathname === '/api/schedule/appointments';

describe('empty, error and progress states, and confirmations, on the care pages', () => {
  let browser: Browser;
  let counselorTab: OpenedPage;
  let caseNumber = '';

  beforeAll(async () => {
    browser = await launchChromium();
    counselorTab = await openPage(browser, baseURL, 'laptop');
  });

  afterAll(async () => {
    await counselorTab?.close();
    await browser?.close();
  });

  it('shows a failed case list with its reason and a retry that works', async () => {
    const { page } = counselorTab;
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    await page.route(caseList, (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: serverError }),
    );
    await goTo(page, '我的个案');
    const failed = page.getByRole('alert').filter({ hasText: '服务器暂时出了问题，请稍后重试。' });
    await failed.waitFor();
    await saveScreenshot(page, 'states-01-cases-error');
    await page.unroute(caseList);
    await failed.getByRole('button', { name: '重试' }).click();
    await failed.waitFor({ state: 'hidden' });
    // the list answers now: a table, or the empty state with its way to start
    await expect
      .poll(
        async () => (await page.locator('table').count()) + (await page.getByText('还没有个案。').count()),
      )
      .toBeGreaterThan(0);
  });

  it('opens a new case on its empty state, with a hint and a way to write the first note', async () => {
    const { page } = counselorTab;
    await page.getByRole('button', { name: '新建来访者与个案' }).click();
    const dialog = modal(page);
    await dialog.getByLabel('姓名').fill(clientName);
    await dialog.getByLabel('电话', { exact: true }).fill('13900000000');
    await dialog.getByRole('button', { name: '创建并打开' }).click();
    await page.getByText('已验证：0 条记录，日志完整').waitFor();
    caseNumber =
      ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').match(/[0-9A-F]{8}/)?.[0] ?? '';
    expect(caseNumber).toMatch(/^[0-9A-F]{8}$/);

    const records = page.getByRole('region', { name: '记录', exact: true });
    await records.getByText('还没有记录。').waitFor();
    await records.getByText('写下的每条记录都会在本浏览器中加密，再追加到个案日志。').waitFor();
    await records.getByRole('link', { name: '写第一条咨询记录' }).waitFor();
    await page.getByText('还没有您参与的会诊。').waitFor();
    await saveScreenshot(page, 'states-02-case-empty');
  });

  it('shows a failed side panel with a retry while the rest of the case stays readable', async () => {
    const { page } = counselorTab;
    let failing = true;
    await page.route(conferences, (route) =>
      failing ? route.abort('internetdisconnected') : route.continue(),
    );
    await goTo(page, '我的个案');
    await page.getByRole('link', { name: `个案 ${caseNumber}` }).click();
    const panel = page.getByRole('region', { name: '本个案的会诊' });
    const failed = panel.getByRole('alert');
    await failed.getByText('无法连接服务器，请检查网络。').waitFor();
    await page.getByText('已验证：0 条记录，日志完整').waitFor();
    await saveScreenshot(page, 'states-03-panel-error');

    failing = false;
    await failed.getByRole('button', { name: '重试' }).click();
    await panel.getByText('还没有您参与的会诊。').waitFor();
    await page.unroute(conferences);
  });

  it('shows chunk by chunk progress while an attachment is sealed and uploaded', async () => {
    const { page } = counselorTab;
    await page.route(chunks, slowChunk);
    await page.getByRole('link', { name: '知情同意书扫描件' }).click();
    const form = page.locator('form.record-editor');
    await form.getByLabel('签署日期').fill('2026-11-20');
    await form
      .getByLabel('扫描件', { exact: true })
      .setInputFiles({ name: scanName, mimeType: 'application/pdf', buffer: scan });
    await form.getByRole('button', { name: '保存记录' }).click();

    const progress = form.getByRole('status').filter({ hasText: `正在加密并上传「${scanName}」` });
    await progress.waitFor();
    await expect.poll(async () => (await progress.textContent()) ?? '').toMatch(/第 ([1-9]|1\d) \/ 20 块/);
    expect(await form.locator('progress').getAttribute('max')).toBe(String(CHUNKS));
    expect(await form.getByRole('button', { name: '正在加密并保存…' }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'states-04-upload-progress');

    await page.getByText('已验证：1 条记录，日志完整').waitFor();
    await page.getByText(new RegExp(`${scanName}（1\\.\\d MB）`)).waitFor();
  });

  it('shows chunk by chunk progress while the attachment is fetched and opened', async () => {
    const { page } = counselorTab;
    const downloading = page.waitForEvent('download');
    // awaited below; a failure before then is reported by the step that failed
    downloading.catch(() => undefined);
    await page.getByRole('button', { name: `下载 ${scanName}` }).click();
    const progress = page.getByRole('status').filter({ hasText: `正在下载并解密「${scanName}」` });
    await expect.poll(async () => (await progress.textContent()) ?? '').toMatch(/第 ([1-9]|1\d) \/ 20 块/);
    await saveScreenshot(page, 'states-05-download-progress');
    const download = await downloading;
    expect(Buffer.from(await readFile(await download.path())).equals(scan)).toBe(true);
    await progress.waitFor({ state: 'hidden' });
    await page.unroute(chunks);
  });

  it('asks before closing the case: cancel keeps it open, confirming closes it', async () => {
    const { page } = counselorTab;
    const heading = page.getByRole('heading', { level: 1 });
    await page.getByRole('button', { name: '改为「已结案」' }).click();
    const confirm = alertDialog(page);
    await confirm.getByRole('heading', { name: `将个案 ${caseNumber} 改为「已结案」？` }).waitFor();
    await saveScreenshot(page, 'states-06-close-confirm');
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await heading.getByText('初访').waitFor();

    await page.getByRole('button', { name: '改为「已结案」' }).click();
    await confirm.getByRole('button', { name: '确认更改' }).click();
    await page.getByText('个案状态已改为「已结案」。').waitFor();
    await heading.getByText('已结案').waitFor();
  });

  it('asks before removing a date exception: cancel keeps it, confirming removes it', async () => {
    const { page } = counselorTab;
    await goTo(page, '日程');
    const section = page.locator('section').filter({ has: page.getByRole('heading', { name: '特殊日期' }) });
    // a date far from any other test's: the list shows it whatever day this runs
    await section.getByLabel('日期', { exact: true }).fill('2031-03-05');
    await section.getByLabel('从').fill('09:00');
    await section.getByLabel('到').fill('12:00');
    await section.getByRole('button', { name: '添加特殊日期' }).click();
    await section.getByText('特殊日期已保存。').waitFor();
    const item = section.getByRole('listitem').filter({ hasText: '2031-03-05 09:00–12:00' });
    await item.waitFor();

    await item.getByRole('button', { name: /^删除 2031-03-05/ }).click();
    const confirm = alertDialog(page);
    await confirm.getByText('删除例外时段 2031-03-05 09:00–12:00 · 不可预约？').waitFor();
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await item.waitFor();

    await item.getByRole('button', { name: /^删除 2031-03-05/ }).click();
    await confirm.getByRole('button', { name: '删除' }).click();
    await section.getByText('特殊日期已删除。').waitFor();
    await item.waitFor({ state: 'hidden' });
  });

  it('shows a failed calendar with a retry, in English too', async () => {
    const { page } = counselorTab;
    let failing = true;
    await page.route(calendarWeek, (route) =>
      failing
        ? route.fulfill({ status: 500, contentType: 'application/json', body: serverError })
        : route.continue(),
    );
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Next week' }).click();
    const calendar = page.getByRole('region', { name: 'Calendar' });
    const failed = calendar.getByRole('alert');
    await failed.getByText('Something went wrong. Please try again.').waitFor();
    await saveScreenshot(page, 'states-07-calendar-error-en');
    failing = false;
    await failed.getByRole('button', { name: 'Try again' }).click();
    await failed.waitFor({ state: 'hidden' });
    await page.unroute(calendarWeek);

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'My cases' })
      .click();
    await page.getByRole('link', { name: `Case ${caseNumber}` }).click();
    // the attachment tests above filed the scanned consent: the case holds one record now
    await page.getByText('Verified: 1 record, log intact').waitFor();
    await page.getByRole('button', { name: 'Move to “Active”' }).waitFor();
    await saveScreenshot(page, 'states-08-case-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 1, name: `个案 ${caseNumber}` }).waitFor();
  });

  it('threw nothing uncaught and broke no CSP along the way', () => {
    // the console does log the failed requests this file provoked on purpose, and nothing else
    const others = counselorTab.problems.consoleErrors.filter(
      (text) => !/Failed to load resource/.test(text),
    );
    expect(others).toEqual([]);
    expect(counselorTab.problems.pageErrors).toEqual([]);
    expect(counselorTab.problems.cspViolations).toEqual([]);
  });
});
