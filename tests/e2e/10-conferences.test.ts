import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { counselor, supervisor } from './center';
import { goTo, logIn, modal } from './steps';

/**
 * Issue 14 in the browser: the counselor opens a case conference (会诊) on one of their cases with
 * the supervisor and mentions them; the supervisor sees the unread count and the mention, reads
 * and replies; the counselor removes them (the key rotates) and writes again; the supervisor can
 * open nothing of it any more. Needs 2-case-files (the supervisor, a case of the counselor's).
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
const topic = `睡眠问题与危机评估 ${Date.now().toString(36)}`;
const question = '@陈督导 来访者近两周睡眠明显变差，想听听您对危机评估的意见。';
const answer = '建议下次会谈做一次系统的自杀风险评估，并约定安全计划。';
const afterRemoval = '移除之后的新消息：已与来访者约定安全计划。';

describe('a case conference', () => {
  let browser: Browser;
  let counselorTab: OpenedPage;
  let supervisorTab: OpenedPage;

  beforeAll(async () => {
    browser = await launchChromium();
    counselorTab = await openPage(browser, baseURL, 'laptop');
    supervisorTab = await openPage(browser, baseURL, 'laptop');
  });

  afterAll(async () => {
    await counselorTab?.close();
    await supervisorTab?.close();
    await browser?.close();
  });

  it('lets the counselor open one on their case with the supervisor and mention them', async () => {
    const { page } = counselorTab;
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    await goTo(page, '会诊');
    await page.getByRole('heading', { level: 1, name: '会诊' }).waitFor();
    await goTo(page, '我的个案');
    await page.locator('a.case-link').first().click();
    await page.getByText(/已验证：\d+ 条记录，日志完整/).waitFor();
    await page.getByRole('button', { name: '发起会诊' }).click();

    const dialog = modal(page);
    await dialog.getByRole('button', { name: '发起会诊' }).click();
    await dialog.getByText('请填写会诊主题。').waitFor();
    await dialog.getByLabel('会诊主题').fill(topic);
    await dialog.getByText(supervisor.name, { exact: true }).click();
    await dialog.getByLabel('个案摘要（可选）').fill('大学生，女，二十岁出头，近期学业压力大，睡眠差。');
    await saveScreenshot(page, 'conference-01-new');
    await dialog.getByRole('button', { name: '发起会诊' }).click();

    await page.getByRole('heading', { level: 1, name: topic }).waitFor();
    await page.getByText('还没有消息。写下第一条吧。').waitFor();
    await page.getByLabel('消息', { exact: true }).fill(question);
    await page.getByRole('button', { name: '发送', exact: true }).click();
    await page.getByText(question).waitFor();
    await page.getByText('已校验 1 条消息').waitFor();
    await saveScreenshot(page, 'conference-02-thread');

    await page.getByRole('link', { name: /^个案 [0-9A-F]{8}$/ }).click();
    const onCase = page.getByRole('region', { name: '本个案的会诊' });
    await onCase
      .getByRole('link', { name: /发起的会诊$/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: topic }).waitFor();
  });

  it('shows the supervisor the unread count and the mention, and lets them reply', async () => {
    const { page } = supervisorTab;
    await logIn(page, supervisor);
    await goTo(page, '会诊');
    const row = page.getByRole('listitem').filter({ hasText: '发起于' }).first();
    await row.getByText('2 条未读').waitFor();
    await saveScreenshot(page, 'conference-03-list-unread');

    await page.getByRole('button', { name: /^通知，\d+ 条未读$/ }).click();
    await page.getByText('有人在会诊中提到了您').first().waitFor();
    await page.getByRole('link', { name: '打开会诊' }).first().click();
    await page.getByRole('heading', { level: 1, name: topic }).waitFor();
    await page.getByText(question).waitFor();
    await page.getByText('大学生，女，二十岁出头').waitFor();

    await page.getByRole('button', { name: '回复', exact: true }).click();
    const reply = page.locator('form.composer').filter({ has: page.getByLabel(`回复 ${counselor.name}`) });
    await reply.getByLabel(`回复 ${counselor.name}`).fill(answer);
    await reply.getByRole('button', { name: '发送' }).click();
    await page.getByText(answer).waitFor();
    await saveScreenshot(page, 'conference-04-replied');
  });

  it('lets the counselor read the reply, then remove the supervisor and write on', async () => {
    const { page } = counselorTab;
    await page.getByRole('link', { name: '← 返回会诊列表' }).click();
    await page.getByText('1 条未读').first().waitFor();
    await page
      .getByRole('link', { name: /个案 [0-9A-F]{8} 的会诊/ })
      .first()
      .click();
    await page.getByText(answer).waitFor();

    await page.getByRole('button', { name: '参与者（2）' }).click();
    const dialog = modal(page);
    await saveScreenshot(page, 'conference-05-participants');
    await dialog.getByRole('button', { name: `移除 ${supervisor.name}` }).click();
    await dialog.getByRole('button', { name: `确认移除 ${supervisor.name}` }).click();
    await page.getByText(`已移除 ${supervisor.name}，会诊密钥已更换。`).waitFor();
    await page.getByRole('button', { name: '参与者（1）' }).waitFor();

    await page.getByLabel('消息', { exact: true }).fill(afterRemoval);
    await page.getByRole('button', { name: '发送', exact: true }).click();
    await page.getByText(afterRemoval).waitFor();
    await page.getByText('已校验 3 条消息').waitFor();
  });

  it('shows the conference in English too', async () => {
    const { page } = counselorTab;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Discussion' }).waitFor();
    await saveScreenshot(page, 'conference-06-thread-en');
    await page.getByRole('link', { name: '← Back to conferences' }).click();
    await page.getByRole('heading', { level: 1, name: 'Case conferences' }).waitFor();
    await saveScreenshot(page, 'conference-07-list-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 1, name: '会诊' }).waitFor();
  });

  it('leaves the removed supervisor nothing to open', async () => {
    const { page } = supervisorTab;
    await goTo(page, '与我共享的个案');
    await goTo(page, '会诊');
    await page.getByText('还没有会诊。').waitFor();
    await page.getByRole('button', { name: /^通知/ }).click();
    await page.getByRole('link', { name: '打开会诊' }).first().click();
    await page.getByText('您已被移出这个会诊，无法再查看其内容。').waitFor();
    expect(await page.getByText(afterRemoval).count()).toBe(0);
    expect(await page.getByText(answer).count()).toBe(0);
    await saveScreenshot(page, 'conference-08-removed');

    expect(counselorTab.problems).toEqual(noProblems);
    expect(supervisorTab.problems).toEqual(noProblems);
  });
});
