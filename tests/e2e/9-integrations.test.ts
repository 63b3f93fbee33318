import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin } from './center';
import { goTo, logIn, modal } from './steps';

/**
 * Issue 10's admin screens: an API key and a webhook signing secret are shown exactly once, a key
 * can be revoked and an endpoint switched off, and every refusal is said in the dialog.
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
const suffix = Date.now().toString(36);
const KEY_NAME = `财务软件 ${suffix}`;
const HOOK_URL = `https://crm.example.com/tacit/${suffix}`;

describe('the admin connects the center’s other software', () => {
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

  it('creates an API key with a scope, shows its secret once, and revokes it', async () => {
    const { page, problems } = tab;
    await logIn(page, admin);
    await goTo(page, '对接与 API');
    await page.getByRole('button', { name: '新建密钥' }).click();
    const dialog = modal(page);
    await dialog.getByRole('button', { name: '创建密钥' }).click();
    await dialog.getByText('请填写名称。').waitFor();
    await dialog.getByText('至少选择一项权限。').waitFor();

    await dialog.getByLabel('名称（例如：官网预约、财务软件）').fill(KEY_NAME);
    await dialog.getByText('记录收款与退款').click();
    await dialog.getByText('读取营收报表').click();
    await dialog.getByRole('button', { name: '创建密钥' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const secret = page.getByTestId('shown-once-secret');
    await page.getByText(`“${KEY_NAME}”的密钥：`).waitFor();
    expect(await secret.textContent()).toMatch(/\S{20,}/);
    await saveScreenshot(page, 'integrations-01-key-shown-once');
    await page.getByRole('button', { name: '我已保存' }).click();
    await secret.waitFor({ state: 'detached' });

    const row = page.getByRole('row').filter({ hasText: KEY_NAME });
    await row.getByText('payments:write').waitFor();
    await row.getByText('reports:read').waitFor();
    await row.getByText('从未使用').waitFor();
    await row.getByRole('button', { name: `吊销“${KEY_NAME}”` }).click();
    const confirm = modal(page);
    await confirm.getByText(`吊销 API 密钥“${KEY_NAME}”？`).waitFor();
    await confirm.getByRole('button', { name: '吊销', exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.getByText('已吊销').waitFor();
    expect(await row.getByRole('button', { name: `吊销“${KEY_NAME}”` }).count()).toBe(0);
    expect(problems).toEqual(noProblems);
  });

  it('refuses a private webhook address, signs up a public one, and switches it off', async () => {
    const { page, problems } = tab;
    await page.getByRole('button', { name: '添加地址' }).click();
    const dialog = modal(page);
    await dialog.getByLabel('接收地址（https://…）').fill('http://127.0.0.1/hook');
    await dialog.getByRole('button', { name: '添加', exact: true }).click();
    await dialog.getByText('请填写公网的 https:// 地址').waitFor();
    await dialog.getByText('至少订阅一个事件。').waitFor();

    await dialog.getByLabel('接收地址（https://…）').fill(HOOK_URL);
    await dialog.getByText('收到新的预约申请').click();
    await dialog.getByRole('button', { name: '添加', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`${HOOK_URL} 的签名密钥：`).waitFor();
    expect(await page.getByTestId('shown-once-secret').textContent()).toMatch(/^whsec_/);
    await page.getByRole('button', { name: '我已保存' }).click();

    const endpoint = page.getByRole('listitem').filter({ hasText: HOOK_URL });
    await endpoint.getByText('booking_request.created').waitFor();
    await endpoint.getByRole('button', { name: '停用' }).click();
    await endpoint.getByText('已停用').waitFor();
    await endpoint.getByRole('button', { name: '投递记录' }).click();
    await endpoint.getByText('还没有投递。').waitFor();
    await saveScreenshot(page, 'integrations-02-webhook-off');
    expect(problems).toEqual(noProblems);
  });
});
