import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { counselor } from './center';
import { answerPhq9, fileSubmission, makeLink, openLink, submitPortalForm } from './portal-steps';
import { logIn, modal } from './steps.js';

/**
 * Issue 5's portal journey in the shared center: the counselor sends a PHQ-9 link, a client fills
 * it on a phone without an account, the counselor opens the sealed answers in their browser, sees
 * the item-9 risk flag and files them; a second PHQ-9 makes a trend the case page charts.
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };

/** The client, on a phone: answers each item, optionally back-dates the form, sends it. */
async function fillPhq9(page: Page, link: string, answers: number[], date?: string) {
  await answerPhq9(page, link, answers, date);
  if (date) await saveScreenshot(page, 'portal-00-phone-form');
  await submitPortalForm(page);
}

describe('a PHQ-9 through the client portal', () => {
  let browser: Browser;
  let counselorTab: OpenedPage;
  let phone: OpenedPage;

  beforeAll(async () => {
    browser = await launchChromium();
    counselorTab = await openPage(browser, baseURL, 'laptop');
    phone = await openPage(browser, baseURL, 'phone');
  });

  afterAll(async () => {
    await counselorTab?.close();
    await phone?.close();
    await browser?.close();
  });

  it('lets the counselor make a one-time PHQ-9 link for a new client’s case', async () => {
    const { page } = counselorTab;
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的个案' }).click();
    await page.getByRole('button', { name: '新建来访者与个案' }).click();
    const dialog = modal(page);
    await dialog.getByLabel('姓名').fill('林小雨');
    await dialog.getByRole('button', { name: '创建并打开' }).click();
    await page.getByText('已验证：0 条记录，日志完整').waitFor();
    await page.getByText('还没有 PHQ-9 或 GAD-7 的记录。', { exact: false }).waitFor();
    await page.getByText('没有待归档的提交。').waitFor();
  });

  it('lets a client fill it on a phone, once, and the counselor file it with its risk flag', async () => {
    const link = await makeLink(counselorTab.page);
    await counselorTab.page.getByText('待填写').waitFor();

    await fillPhq9(phone.page, link, [2, 2, 2, 2, 2, 2, 1, 2, 1], '2026-11-12');
    await saveScreenshot(phone.page, 'portal-01-phone-sent');
    await openLink(phone.page, link);
    await phone.page.getByText('此链接已经使用过了。如需再次填写，请联系您的咨询师。').waitFor();

    const { page } = counselorTab;
    const panel = page.getByRole('region', { name: '来访者填写链接' });
    await panel.getByRole('button', { name: '刷新' }).click();
    await panel.getByText('总分 16（中重度）').waitFor();
    await panel.getByRole('status').filter({ hasText: '第 9 题（自伤或轻生念头）得分大于 0' }).waitFor();
    await saveScreenshot(page, 'portal-02-submission');
    await fileSubmission(page, '总分 16（中重度）');
    await page.getByText('已验证：1 条记录，日志完整').waitFor();
    // the filed record says it came from the client, not from the counselor's own hand
    const record = page.locator('.record-card').filter({ hasText: 'PHQ-9 患者健康问卷（抑郁）' });
    await record.getByText('来访者填写（门户）').waitFor();
  });

  it('charts the totals over time once a second PHQ-9 is filed', async () => {
    const link = await makeLink(counselorTab.page);
    await fillPhq9(phone.page, link, [1, 1, 1, 1, 1, 1, 0, 1, 0]);

    const { page } = counselorTab;
    await fileSubmission(page, '总分 7（轻度）');
    await page.getByText('已验证：2 条记录，日志完整').waitFor();
    const chart = page.getByRole('figure', { name: /PHQ-9 总分/ });
    await chart.getByText('最近一次：7 分（轻度）', { exact: false }).waitFor();
    const rows = chart.getByRole('row');
    expect(await rows.count()).toBe(3);
    await chart.getByRole('img', { name: /PHQ-9 总分/ }).waitFor();
    expect(await chart.locator('circle').count()).toBe(2);
    await chart.getByRole('cell', { name: '2026-11-12' }).waitFor();
    await chart.getByRole('cell', { name: '中重度' }).waitFor();
    await chart.getByText('第 9 题（自伤或轻生念头）得分大于 0：请尽快评估风险').waitFor();
    await saveScreenshot(page, 'portal-03-trend');
  });

  it('lets the counselor discard a submission they will not file, after a confirmation', async () => {
    const link = await makeLink(counselorTab.page);
    await fillPhq9(phone.page, link, [0, 0, 0, 0, 0, 0, 0, 0, 0]);

    const { page } = counselorTab;
    const panel = page.getByRole('region', { name: '来访者填写链接' });
    await panel.getByRole('button', { name: '刷新' }).click();
    await panel.getByText('总分 0（极轻微）').waitFor();
    await panel.getByRole('button', { name: '舍弃', exact: true }).click();
    await panel.getByText('舍弃后无法恢复，来访者需要用新链接重新填写。').waitFor();
    await panel.getByRole('button', { name: '取消', exact: true }).click();
    await panel.getByText('总分 0（极轻微）').waitFor();
    expect(await panel.getByText('舍弃后无法恢复', { exact: false }).count()).toBe(0);

    await panel.getByRole('button', { name: '舍弃', exact: true }).click();
    await panel.getByRole('button', { name: '确认舍弃' }).click();
    await panel.getByText('没有待归档的提交。').waitFor({ timeout: 30_000 });
    expect(await panel.getByText('总分 0（极轻微）').count()).toBe(0);
    // nothing was filed: the case still holds the two PHQ-9s, and the server no longer has the answers
    await page.getByText('已验证：2 条记录，日志完整').waitFor();
    const caseId = new URL(page.url()).pathname.split('/')[2];
    const portal = await page.evaluate(
      async (id) => (await (await fetch(`/api/cases/${id}/portal`)).json()) as { submissions: unknown[] },
      caseId,
    );
    expect(portal.submissions).toHaveLength(2);
  });

  it('reported nothing a person would not want to see', () => {
    expect(counselorTab.problems).toEqual(noProblems);
    expect(phone.problems).toEqual(noProblems);
  });
});
