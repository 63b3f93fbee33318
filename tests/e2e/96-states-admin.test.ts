import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin } from './center';
import { goTo, logIn, modal } from './steps';

/**
 * Issue 13's states on the admin pages: what a person sees when a list is empty, when the server
 * fails (a 500 on the browser's own network, then a retry), before a destructive action (cancel
 * keeps the object, confirm removes it) and while a long operation runs.
 */

const baseURL = inject('baseURL');
const suffix = Date.now().toString(36);
const KEY_NAME = `状态测试 ${suffix}`;
const DASHBOARD_NAME = `状态测试看板 ${suffix}`;

/** Fails every GET of `pattern` with a 500 until the returned function is called. */
async function failGets(page: Page, pattern: string): Promise<() => Promise<void>> {
  let failing = true;
  await page.route(pattern, (route: Route) =>
    failing && route.request().method() === 'GET'
      ? route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' })
      : route.fallback(),
  );
  return async () => {
    failing = false;
    await page.unroute(pattern);
  };
}

/** Holds every request to `pattern` until the returned function is called, then lets them through. */
async function hold(page: Page, pattern: string): Promise<() => Promise<void>> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handled: Promise<void>[] = [];
  await page.route(pattern, (route: Route) => {
    const passed = released.then(() => route.continue());
    handled.push(passed);
    return passed;
  });
  return async () => {
    release();
    await Promise.all(handled);
    await page.unroute(pattern);
  };
}

describe('the admin pages’ empty, error, confirming and working states', () => {
  let browser: Browser;
  let tab: OpenedPage;

  beforeAll(async () => {
    browser = await launchChromium();
    tab = await openPage(browser, baseURL, 'laptop');
  });

  afterAll(async () => {
    await tab?.close();
    await browser?.close();
  });

  it('asks before revoking an API key: cancel keeps it, confirm revokes it', async () => {
    const { page } = tab;
    await logIn(page, admin);
    await goTo(page, '对接与 API');
    await page.getByRole('button', { name: '新建密钥' }).click();
    const dialog = modal(page);
    await dialog.getByLabel('名称（例如：官网预约、财务软件）').fill(KEY_NAME);
    await dialog.getByText('读取营收报表').click();
    await dialog.getByRole('button', { name: '创建密钥' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '我已保存' }).click();

    const row = page.getByRole('row').filter({ hasText: KEY_NAME });
    const revoke = row.getByRole('button', { name: `吊销“${KEY_NAME}”` });
    await revoke.click();
    const confirm = modal(page);
    await confirm.getByText(`吊销 API 密钥“${KEY_NAME}”？`).waitFor();
    await confirm.getByText(/的对接会立即失效/).waitFor();
    await saveScreenshot(page, 'states-admin-01-revoke-confirm');
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.getByText('有效').waitFor();
    expect(await revoke.count()).toBe(1);

    await revoke.click();
    await confirm.getByRole('button', { name: '吊销', exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.getByText('已吊销').waitFor();
    expect(await revoke.count()).toBe(0);
  });

  it('asks before deleting a dashboard: cancel keeps it, confirm deletes it', async () => {
    const { page } = tab;
    await goTo(page, '仪表板');
    await page.getByRole('link', { name: '新建仪表板' }).click();
    await page.getByLabel('名称').fill(DASHBOARD_NAME);
    await page.getByRole('button', { name: '保存仪表板' }).click();
    await page.getByRole('heading', { level: 2, name: DASHBOARD_NAME }).waitFor();

    await page.getByRole('link', { name: '编辑此仪表板' }).click();
    const remove = page.getByRole('button', { name: '删除仪表板' });
    await remove.click();
    const confirm = modal(page);
    await confirm.getByText(`删除仪表板“${DASHBOARD_NAME}”？`).waitFor();
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: '取消' }).click();
    await page.getByRole('heading', { level: 2, name: DASHBOARD_NAME }).waitFor();

    await page.getByRole('link', { name: '编辑此仪表板' }).click();
    await remove.click();
    await confirm.getByRole('button', { name: '删除仪表板' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.locator('.dashboards__name, .empty-state').first().waitFor();
    expect(await page.getByRole('heading', { level: 2, name: DASHBOARD_NAME }).count()).toBe(0);
    expect(await page.getByRole('option', { name: DASHBOARD_NAME }).count()).toBe(0);
  });

  it('says so when the server fails to list the keys, and the retry brings them back', async () => {
    const { page } = tab;
    const restore = await failGets(page, '**/api/api-keys');
    await goTo(page, '对接与 API');
    const keys = page.getByRole('region', { name: 'API 密钥' });
    const failure = keys.getByRole('alert');
    await failure.getByText('服务器暂时出了问题，请稍后重试。').waitFor();
    await saveScreenshot(page, 'states-admin-02-error');
    await restore();
    const listed = page.waitForResponse(
      (response) => response.url().endsWith('/api/api-keys') && response.request().method() === 'GET',
    );
    await failure.getByRole('button', { name: '重试' }).click();
    expect((await listed).status()).toBe(200);
    await keys.getByRole('row').filter({ hasText: KEY_NAME }).waitFor();
    expect(await keys.getByRole('alert').count()).toBe(0);
  });

  it('tells an audit filter that matches nothing how to find events', async () => {
    const { page } = tab;
    await goTo(page, '审计日志');
    await page.getByLabel('起始日期').fill('2000-01-01');
    await page.getByLabel('截止日期（含当天）').fill('2000-01-02');
    await page.getByRole('button', { name: '应用筛选' }).click();
    await page.getByText('没有符合筛选条件的事件。').waitFor();
    await page.getByText('放宽时间段或换一个事件类型').waitFor();
    await saveScreenshot(page, 'states-admin-03-audit-empty');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.getByText('没有符合筛选条件的事件。').count()).toBe(0);
  });

  it('shows how far the chain verification has read while it runs', async () => {
    const { page } = tab;
    const release = await hold(page, '**/api/audit/checkpoints');
    const verify = page.getByRole('button', { name: /验证哈希链|正在验证…/ });
    await verify.click();
    const progress = page.getByRole('status').filter({ hasText: /已读取 \d+ \/ \d+ 条事件…/ });
    // The count climbs page by page while events are read; it stops at the total, held there by
    // the checkpoints request.
    await expect
      .poll(async () => {
        const [read, total] = ((await progress.textContent())?.match(/\d+/g) ?? []).map(Number);
        return read !== undefined && read === total;
      })
      .toBe(true);
    expect(await verify.isDisabled()).toBe(true);
    await saveScreenshot(page, 'states-admin-04-verify-progress');
    await release();
    await page.getByText(/哈希链完整，已验证到第 \d+ 条/).waitFor();
    await progress.waitFor({ state: 'detached' });
  });

  it('shows the backup under way with its button off, then the result', async () => {
    const { page } = tab;
    await goTo(page, '数据权利');
    const release = await hold(page, '**/api/backup');
    const button = page.getByRole('button', { name: '下载加密备份' });
    await button.click();
    await page.getByRole('status').filter({ hasText: '正在准备加密备份' }).waitFor();
    expect(await button.isDisabled()).toBe(true);
    await saveScreenshot(page, 'states-admin-05-backup-progress');
    await release();
    await page.getByText('备份已下载。').waitFor();
    expect(await button.isDisabled()).toBe(false);
  });

  it('says the same in English', async () => {
    const { page } = tab;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data rights and retention' }).waitFor();
    const release = await hold(page, '**/api/backup');
    await page.getByRole('button', { name: 'Download encrypted backup' }).click();
    await page.getByRole('status').filter({ hasText: 'Preparing the encrypted backup' }).waitFor();
    await saveScreenshot(page, 'states-admin-06-backup-progress-en');
    await release();
    await page.getByText('Backup downloaded.').waitFor();

    const restore = await failGets(page, '**/api/api-keys');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Integrations & API' })
      .click();
    const failure = page.getByRole('region', { name: 'API keys' }).getByRole('alert');
    await failure.getByText('The server ran into a problem. Try again in a moment.').waitFor();
    await failure.getByRole('button', { name: 'Try again' }).waitFor();
    await saveScreenshot(page, 'states-admin-07-error-en');
    await restore();
    await page.getByRole('button', { name: '中文' }).click();
  });
});
