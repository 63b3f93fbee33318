import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };

describe('the web app shell', () => {
  let browser: Browser;
  let opened: OpenedPage | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await opened?.close();
    await browser?.close();
  });

  it('opens the setup wizard in Chinese, switches to English and remembers the choice', async () => {
    opened = await openPage(browser, baseURL, 'laptop');
    const { page, problems } = opened;

    const response = await page.goto('/setup');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('heading', { level: 1, name: '创建您的机构' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await saveScreenshot(page, 'setup-zh-CN-laptop');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create your organization' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Create your organization' }).waitFor();
    await saveScreenshot(page, 'setup-en-laptop');

    expect(problems).toEqual(noProblems);
    await opened.close();
    opened = undefined;
  });

  it('asks for the organization name before moving to the administrator step', async () => {
    opened = await openPage(browser, baseURL, 'laptop');
    const { page, problems } = opened;

    await page.goto('/setup');
    await page.getByRole('button', { name: '继续' }).click();
    await page.getByText('请填写此项').waitFor();

    await page.getByLabel('机构名称').fill('心晴心理咨询中心');
    await page.getByRole('button', { name: '继续' }).click();
    await page.getByRole('heading', { level: 1, name: '第一位管理员' }).waitFor();
    await page.getByLabel('口令', { exact: true }).fill('我家的猫叫小白今年三岁了');
    await page.getByText(/强度：/).waitFor();
    await saveScreenshot(page, 'setup-admin-zh-CN-laptop');

    expect(problems).toEqual(noProblems);
    await opened.close();
    opened = undefined;
  });

  it('shows the login page at tablet size in both languages', async () => {
    opened = await openPage(browser, baseURL, 'tablet');
    const { page, problems } = opened;

    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    await saveScreenshot(page, 'login-zh-CN-tablet');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await saveScreenshot(page, 'login-en-tablet');

    expect(problems).toEqual(noProblems);
    await opened.close();
    opened = undefined;
  });
});
