import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeFindings, seriousViolations } from './accessibility';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin, counselor } from './center';
import { focusShown, tabTo } from './keyboard';
import { bringIn, logIn } from './steps.js';

/**
 * Issue 13's accessibility bar: axe-core (WCAG 2.1 A and AA rules) finds no serious or critical
 * violation on any page each role reaches from the sidebar, nor on the public pages. Runs late so
 * the pages hold the data the earlier journeys left; brings its own front desk, supervisor and
 * director so it needs only 1-first-day.
 */

const baseURL = inject('baseURL');
const people = {
  frontDesk: {
    name: '韩前台',
    email: 'han.desk@xinqing.example',
    passphrase: '雨后的操场上有一排整齐的小水洼',
  },
  supervisor: {
    name: '邵督导',
    email: 'shao.supervisor@xinqing.example',
    passphrase: '老房子的阁楼里堆着祖父的旧书箱',
  },
  director: {
    name: '贺主任',
    email: 'he.director@xinqing.example',
    passphrase: '渡口的小船每天傍晚载着晚霞回家',
  },
};

/** The page's own links in the sidebar, in the order shown. */
async function sidebarLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link').first().waitFor();
  const hrefs = await nav
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((href) => href.startsWith('/')))];
}

/** Until the page has its heading and nothing says it is still loading. */
async function settled(page: Page) {
  await page.locator('main h1').first().waitFor();
  await expect
    .poll(() => page.locator('main [aria-busy="true"], main .skeleton, main [role="progressbar"]').count())
    .toBe(0);
}

/** Visits every sidebar page of the signed-in person on `page` and returns what axe found. */
async function auditSidebarPages(page: Page, who: string): Promise<string[]> {
  const problems: string[] = [];
  for (const href of await sidebarLinks(page)) {
    await page.getByRole('navigation', { name: '主导航' }).locator(`a[href="${href}"]`).first().click();
    await page.waitForURL((url) => url.pathname === href);
    await settled(page);
    problems.push(...describeFindings(`${who} ${href}`, await seriousViolations(page)));
  }
  return problems;
}

describe('accessibility (axe-core: no serious or critical violation)', () => {
  let browser: Browser;
  let adminTab: OpenedPage;
  let joiningTab: OpenedPage;

  beforeAll(async () => {
    browser = await launchChromium();
    adminTab = await openPage(browser, baseURL, 'laptop');
    joiningTab = await openPage(browser, baseURL, 'laptop');
  });

  afterAll(async () => {
    for (const tab of [adminTab, joiningTab]) await tab?.close();
    await browser?.close();
  });

  it('on the public pages: sign-in, recovery sign-in, an invitation and a portal link', async () => {
    const { page } = joiningTab;
    const problems: string[] = [];
    for (const path of ['/login', '/login/recovery', '/invite', '/portal']) {
      await page.goto(path);
      await page.locator('h1').first().waitFor();
      problems.push(...describeFindings(path, await seriousViolations(page)));
    }
    expect(problems).toEqual([]);
  });

  for (const viewport of ['phone', 'tablet'] as const) {
    it(`fits the booking widget and the portal to a ${viewport}: nothing scrolls sideways, nothing serious`, async () => {
      const tab = await openPage(browser, baseURL, viewport);
      try {
        const problems: string[] = [];
        for (const path of ['/widget?lang=zh-CN', '/widget?lang=en', '/portal']) {
          await tab.page.goto(path);
          await tab.page.locator('h1').first().waitFor();
          const overflow = await tab.page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          if (overflow > 0) problems.push(`${viewport} ${path}: ${overflow}px wider than the screen`);
          problems.push(...describeFindings(`${viewport} ${path}`, await seriousViolations(tab.page)));
        }
        await saveScreenshot(tab.page, `a11y-${viewport}-portal`);
        expect(problems).toEqual([]);
      } finally {
        await tab.close();
      }
    });
  }

  it('works with the keyboard alone, focus always visible: sign in, skip to content, a page, the user menu', async () => {
    const tab = await openPage(browser, baseURL, 'laptop');
    const { page } = tab;
    const unseen: string[] = [];
    try {
      await page.goto('/login');
      await page.getByLabel('电子邮箱').waitFor();
      await page.getByLabel('电子邮箱').focus();
      await page.keyboard.type(counselor.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(counselor.recoveredPassphrase);
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: '用户菜单' }).waitFor();

      // The first Tab reaches the skip link; following it puts focus in the page's main region.
      await page.keyboard.press('Tab');
      expect((await focusShown(page)).name).toBe('跳到主要内容');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);

      await page.getByRole('link', { name: '跳到主要内容' }).focus();
      await tabTo(page, /日程$/, unseen);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: '日程' }).waitFor();

      await page.getByRole('link', { name: '跳到主要内容' }).focus();
      await tabTo(page, /用户菜单/, unseen);
      await page.keyboard.press('Enter');
      await page.getByRole('menuitem', { name: '退出登录' }).waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('menuitem', { name: '退出登录' }).count()).toBe(0);
      expect(unseen).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('on every page of the admin', async () => {
    const { page } = adminTab;
    await logIn(page, admin);
    for (const [who, role] of [
      [people.frontDesk, '前台'],
      [people.supervisor, '督导'],
      [people.director, '主任'],
    ] as const) {
      // A tab of their own: a second invitation in the same tab would change only the address's hash.
      const joining = await openPage(browser, baseURL, 'laptop');
      await bringIn(page, joining.page, who, role);
      await joining.close();
    }
    expect(await auditSidebarPages(page, 'admin')).toEqual([]);
  });

  it('on every page of a counselor', async () => {
    const { page } = joiningTab;
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    expect(await auditSidebarPages(page, 'counselor')).toEqual([]);
  });

  for (const [key, label] of [
    ['frontDesk', 'front desk'],
    ['supervisor', 'supervisor'],
    ['director', 'director'],
  ] as const) {
    it(`on every page of the ${label}`, async () => {
      const tab = await openPage(browser, baseURL, 'laptop');
      try {
        await logIn(tab.page, people[key]);
        expect(await auditSidebarPages(tab.page, label)).toEqual([]);
      } finally {
        await tab.close();
      }
    });
  }
});
