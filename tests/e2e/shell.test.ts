import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };

// The setup wizard is covered by 1-first-day.test.ts, which starts from the fresh installation.
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
