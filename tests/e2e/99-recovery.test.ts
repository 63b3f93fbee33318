import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin, counselor, director, printedShares, secondCounselor } from './center';
import { bringIn, goTo, logIn, modal } from './steps';

/**
 * The recovery ceremony in the browser (PROTOCOL §4): the counselor of the earlier files leaves;
 * a director types two of the three shares the setup wizard printed in 1-first-day, and her cases
 * go to a colleague, who opens them with the log verified. Numbered to run after every other
 * journey (9-audit still needs her cases): it moves them.
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };

/** One character changed in the second group: the share's checksum must catch it. */
function withTypo(share: string): string {
  const groups = share.split('-');
  const group = groups[1] ?? '';
  groups[1] = (group[0] === 'A' ? 'B' : 'A') + group.slice(1);
  return groups.join('-');
}

describe('the recovery ceremony', () => {
  let browser: Browser;
  let adminTab: OpenedPage;
  let directorTab: OpenedPage;
  let colleagueTab: OpenedPage;

  beforeAll(async () => {
    browser = await launchChromium();
    adminTab = await openPage(browser, baseURL, 'laptop');
    directorTab = await openPage(browser, baseURL, 'laptop');
    colleagueTab = await openPage(browser, baseURL, 'laptop');
  });

  afterAll(async () => {
    await adminTab?.close();
    await directorTab?.close();
    await colleagueTab?.close();
    await browser?.close();
  });

  it('brings a director and the colleague who takes over into the center', async () => {
    const { page } = adminTab;
    await logIn(page, admin);
    await bringIn(page, directorTab.page, director, '主任');
    await bringIn(page, colleagueTab.page, secondCounselor, '咨询师');
  });

  it('refuses a share with a typo before anything is sent', async () => {
    const { page } = directorTab;
    await logIn(page, director);
    await goTo(page, '恢复仪式');
    await page.getByRole('heading', { level: 1, name: '恢复仪式' }).waitFor();
    const [first] = await printedShares();
    await page.getByLabel('分片 1').fill(withTypo(first ?? ''));
    await page.getByText('这个分片有输入错误，请逐组核对字符。').waitFor();
    await saveScreenshot(page, 'recovery-01-typo');
  });

  it('hands the counselor’s cases to the colleague with two of the three printed shares', async () => {
    const { page } = directorTab;
    const shares = await printedShares();
    await page.getByLabel('离职（或遗失密钥）的咨询师').selectOption({ label: counselor.name });
    await page.getByLabel('接手的咨询师').selectOption({ label: secondCounselor.name });
    await page.getByLabel('分片 1').fill(shares[2] ?? '');
    await page.getByLabel('分片 2').fill(shares[0] ?? '');
    await page.getByRole('button', { name: '恢复并交接个案' }).click();
    const confirm = modal(page);
    await confirm.getByText(`把 ${counselor.name} 的个案交给 ${secondCounselor.name}？`).waitFor();
    // The first hand-over waits until the page has shown how far the ceremony has come.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handled: Promise<void>[] = [];
    await page.route('**/api/recovery/cases/*/reassign', (route) => {
      const passed = held.then(() => route.continue());
      handled.push(passed);
      return passed;
    });
    await confirm.getByRole('button', { name: '交接个案' }).click();
    await confirm.getByText(/已交接 0 \/ \d+ 个个案…/).waitFor();
    await saveScreenshot(page, 'recovery-02-progress');
    release();
    await Promise.all(handled);
    await page.unroute('**/api/recovery/cases/*/reassign');
    const done = page.getByText(new RegExp(`已把 (\\d+) 个个案交给 ${secondCounselor.name}`));
    await done.waitFor({ timeout: 60_000 });
    const count = Number((await done.textContent())?.match(/已把 (\d+) 个/)?.[1]);
    expect(count).toBeGreaterThanOrEqual(1);
    expect(await page.getByLabel('分片 1').inputValue()).toBe('');
    await saveScreenshot(page, 'recovery-02-done');
  });

  it('lets the colleague open a case that was the counselor’s, its log verified', async () => {
    const { page } = colleagueTab;
    await logIn(page, secondCounselor);
    await goTo(page, '我的个案');
    await page.getByRole('heading', { level: 1, name: '我的个案' }).waitFor();
    const firstCase = page.locator('a.case-link').first();
    await firstCase.waitFor();
    await firstCase.click();
    await page.getByText(/已验证：\d+ 条记录，日志完整/).waitFor();
    await saveScreenshot(page, 'recovery-03-case-taken-over');
  });

  it('recorded the ceremony in the audit chain', async () => {
    const { page } = adminTab;
    await goTo(page, '审计日志');
    await page.getByRole('cell', { name: 'recovery.case_reassigned' }).first().waitFor();
  });

  it('showed no console errors and no CSP violations along the way', () => {
    for (const tab of [adminTab, directorTab, colleagueTab]) expect(tab.problems).toEqual(noProblems);
  });
});
