import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin, counselor } from './center';
import { goTo, logIn } from './steps';

/**
 * Issue 8's journey in the shared center: the admin installs the shipped rules, writes a rule in
 * the editor (a trigger, a visual condition, an action), dry-runs it on the case 2-case-files
 * wrote, saves it; the counselor saves a note and the bell in the top bar shows the notification,
 * which names the rule and the case and nothing from the note.
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
const RULE_NAME = '新记录提醒';

describe('a rule written in the editor reaches the counselor’s bell', () => {
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

  it('installs the shipped rules with one click', async () => {
    const { page } = adminTab;
    await logIn(page, admin);
    await goTo(page, '规则');
    await page.getByRole('heading', { level: 1, name: '规则' }).waitFor();
    await page.getByText('还没有规则。可以安装预置规则，或新建一条。').waitFor();
    await page.getByRole('button', { name: '安装预置规则' }).click();
    await page.getByText('已安装 4 条预置规则。').waitFor();
    const rules = page.getByRole('table', { name: '本机构的规则' });
    await rules.getByRole('cell', { name: '活跃个案 30 天无记录', exact: true }).waitFor();
    await rules.getByRole('cell', { name: '每天 9:00（机构时间）', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '安装预置规则' }).count()).toBe(0);
  });

  it('writes a rule with a visual condition and dry-runs it on the case already written to', async () => {
    const { page } = adminTab;
    await page.getByRole('button', { name: '新建规则' }).click();
    const editor = page.locator('section.rule-editor');
    await editor.getByRole('heading', { name: '新建规则' }).waitFor();
    await editor.getByLabel('名称').fill(RULE_NAME);
    await editor.getByLabel('触发', { exact: true }).selectOption({ label: '保存记录' });
    await editor.getByRole('button', { name: '添加条件' }).click();
    await editor.getByLabel('数据 1').selectOption({ label: '已咨询次数' });
    await editor.getByLabel('比较 1').selectOption({ label: '大于或等于' });
    await editor.getByLabel('值 1').fill('1');

    await editor.getByRole('button', { name: '试运行' }).click();
    await editor.getByText(/当前有 [1-9]\d* 项符合/).waitFor();
    const matches = editor.getByRole('table', { name: '试运行结果（不会执行任何动作）' });
    await expect(
      matches
        .getByText(/已咨询次数: [1-9]/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await saveScreenshot(page, 'rules-01-dry-run');

    await editor.getByRole('button', { name: '保存规则' }).click();
    await page.getByText('规则已保存。').waitFor();
    const row = page.getByRole('row', { name: new RegExp(RULE_NAME) });
    await row.getByText('已启用').waitFor();
    await row.getByText('发送通知').waitFor();
  });

  it('turns a rule off and on again', async () => {
    const { page } = adminTab;
    await page.getByRole('button', { name: `停用 ${RULE_NAME}` }).click();
    await page
      .getByRole('row', { name: new RegExp(RULE_NAME) })
      .getByText('已停用')
      .waitFor();
    await page.getByRole('button', { name: `启用 ${RULE_NAME}` }).click();
    await page
      .getByRole('row', { name: new RegExp(RULE_NAME) })
      .getByText('已启用')
      .waitFor();
  });

  it('rings the counselor’s bell when they save a note, with no word of the note in it', async () => {
    const { page } = counselorTab;
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    await page.getByRole('button', { name: '通知', exact: true }).waitFor();
    await goTo(page, '我的个案');
    await page
      .getByRole('link', { name: /^个案 / })
      .first()
      .click();
    await page.getByText(/已验证：\d+ 条记录，日志完整/).waitFor();
    await page.getByRole('link', { name: '写咨询记录' }).click();
    const form = page.locator('form.record-editor');
    await form.getByLabel('咨询日期').fill('2026-11-25');
    await form.getByLabel('第几次咨询').fill('5');
    await form.getByLabel('时长（分钟）').fill('50');
    await form.getByText('面询', { exact: true }).click();
    await form.getByLabel('本次主要议题').fill('规则测试用的记录内容');
    await form.getByText('无', { exact: true }).click();
    await form.getByRole('button', { name: '保存记录' }).click();
    await page.getByText('规则测试用的记录内容').waitFor();

    // The rule runs right after the note commits; the bell looks again on the next page.
    const bell = page.getByRole('button', { name: '通知，1 条未读' });
    for (let attempt = 0; attempt < 10 && !(await bell.isVisible()); attempt++) {
      await goTo(page, attempt % 2 === 0 ? '任务' : '我的个案');
      await page.waitForTimeout(500);
    }
    await bell.click();
    const panel = page.locator('.notification-panel');
    await panel.getByText(RULE_NAME).waitFor();
    await panel.getByText(/保存记录 · /).waitFor();
    await expect(panel.textContent()).resolves.not.toContain('规则测试用的记录内容');
    await saveScreenshot(page, 'rules-02-bell');

    await panel.getByRole('button', { name: '全部标为已读' }).click();
    await page.getByRole('button', { name: '通知', exact: true }).waitFor();
  });

  it('shows the run in the history', async () => {
    const { page } = adminTab;
    await page.getByLabel('按规则筛选').selectOption({ label: RULE_NAME });
    const runs = page.getByRole('table', { name: '最近的运行记录' });
    await runs.getByText('完成').first().waitFor();
    await runs.getByText('发送通知: 完成').first().waitFor();
    await saveScreenshot(page, 'rules-03-history');
  });

  it('showed no console errors and no CSP violations along the way', () => {
    expect(adminTab.problems).toEqual(noProblems);
    expect(counselorTab.problems).toEqual(noProblems);
  });
});
