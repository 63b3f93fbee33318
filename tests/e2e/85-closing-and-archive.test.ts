import type { Page } from 'playwright-core';
import { describe, inject, it } from 'vitest';
import { saveScreenshot } from './browser';
import { admin, counselor, supervisor } from './center';
import {
  bringIn,
  expectNoProblems,
  goTo,
  inboxRow,
  installProcess,
  logIn,
  openNewCase,
  tabsFor,
} from './steps';

/**
 * Issue 14's supervision archive and issue 6's case closing in the shared center. The admin names
 * theme tags in Settings; the counselor finds the supervision report 8-supervision wrote in 督导档案
 * (decrypted in the browser), tags it, filters by text and tag; the supervisor, whose grant still
 * runs, sees it with its tag. Then the counselor closes a fresh case: 结案 from the case page, the
 * closing summary written as the step's form, the supervisor approves, a director archives.
 */

const baseURL = inject('baseURL');
/** Written into the report by 8-supervision. */
const CONCEPTUALIZATION = '来访者的焦虑与升学压力有关，需要督导讨论的个案概念化';
const CLIENT = '结案流程来访者';
const closingDirector = {
  name: '韩主任',
  email: 'han.director@xinqing.example',
  passphrase: '山脚下的茶园里有一条弯弯曲曲的石板路',
};

const reports = (page: Page) => page.getByRole('list', { name: '督导报告' }).getByRole('listitem');

describe('the supervision archive and the case closing', () => {
  const tabs = tabsFor(baseURL, {
    admin: 'laptop',
    counselor: 'laptop',
    supervisor: 'laptop',
    director: 'laptop',
  });
  let caseId = '';

  it('has the admin name theme tags, install the closing process and bring in a director', async () => {
    const { page } = tabs.admin;
    await logIn(page, admin);
    await goTo(page, '设置');
    const themes = page.getByRole('region', { name: '督导主题标签' });
    for (const name of ['危机干预', '伦理', '家庭治疗']) {
      await themes.getByLabel('新标签名称').fill(name);
      await themes.getByRole('button', { name: '添加标签' }).click();
      await themes.getByText(`已添加标签“${name}”。`).waitFor();
    }
    await themes.getByRole('list', { name: '督导主题标签' }).getByText('家庭治疗').waitFor();
    await saveScreenshot(page, 'archive-00-theme-settings');

    await installProcess(page, {
      form: '结案小结',
      formVersion: 'closing-summary@1',
      process: '结案',
      processRow: '结案 Case closing',
    });
    await bringIn(page, tabs.director.page, closingDirector, '主任');
  });

  it('lets the counselor find, tag and filter the supervision report in 督导档案', async () => {
    const { page } = tabs.counselor;
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    await goTo(page, '督导档案');
    await page.getByRole('heading', { level: 1, name: '督导档案' }).waitFor();
    const report = reports(page).filter({ hasText: CONCEPTUALIZATION });
    await report.waitFor();
    await report.getByRole('button', { name: /^设置主题标签/ }).click();
    await report.getByText('危机干预', { exact: true }).click();
    await report.getByRole('button', { name: '保存标签' }).click();
    await page.getByText('主题标签已保存。').waitFor();
    await report.locator('.badge', { hasText: '危机干预' }).waitFor();

    await page.getByLabel('主题', { exact: true }).selectOption({ label: '伦理' });
    await page.getByText('没有符合条件的报告。').waitFor();
    await page.getByLabel('主题', { exact: true }).selectOption({ label: '危机干预' });
    await report.waitFor();
    await page.getByLabel('搜索报告与督导意见').fill('升学压力');
    await report.waitFor();
    await saveScreenshot(page, 'archive-01-counselor');
    await page.getByLabel('搜索报告与督导意见').fill('从未写过的词');
    await page.getByText('没有符合条件的报告。').waitFor();
  });

  it('shows the supervisor, who holds the key, the report with its tag', async () => {
    const { page } = tabs.supervisor;
    await logIn(page, supervisor);
    await goTo(page, '督导档案');
    const report = reports(page).filter({ hasText: CONCEPTUALIZATION });
    await report.locator('.badge', { hasText: '危机干预' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Supervision archive' }).waitFor();
    await saveScreenshot(page, 'archive-02-supervisor-en');
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('lets the counselor start the closing from the case page and write the closing summary as the step', async () => {
    const { page } = tabs.counselor;
    caseId = await openNewCase(page, { name: CLIENT, phone: '13700000085' });

    const processes = page.getByRole('region', { name: '流程' });
    await processes.getByRole('button', { name: '结案', exact: true }).click();
    await processes.getByText('已发起“结案”，下一步已在待办中。').waitFor();
    await saveScreenshot(page, 'closing-01-started');
    await processes.getByRole('link', { name: '打开待办' }).click();
    await page.getByRole('link', { name: '填写表单 撰写结案小结' }).click();
    const form = page.locator('form.record-editor');
    await form.getByLabel('结案日期', { exact: true }).fill('2026-11-25');
    await form.getByText('咨询目标达成', { exact: true }).click();
    await form.getByLabel('实际咨询次数').fill('9');
    await form.getByLabel('来访时的主要问题').fill('升学压力带来的焦虑');
    await form.getByLabel('咨询过程与主要干预').fill('认知行为取向，九次咨询');
    await form.getByLabel('结案时的状况与变化').fill('焦虑明显缓解，能规律作息');
    await saveScreenshot(page, 'closing-02-summary');
    await form.getByRole('button', { name: '保存记录' }).click();
    await page.getByRole('heading', { level: 1, name: '任务' }).waitFor();
    await inboxRow(page, '撰写结案小结').getByText('已完成').waitFor();
  });

  it('has the supervisor approve the closing and a director archive the case', async () => {
    await goTo(tabs.supervisor.page, '任务');
    await tabs.supervisor.page.getByRole('button', { name: '批准 审批结案' }).click();
    await inboxRow(tabs.supervisor.page, '审批结案').getByText('已批准').waitFor();

    const { page } = tabs.director;
    await logIn(page, closingDirector);
    await goTo(page, '任务');
    await page.getByRole('button', { name: '完成 归档个案' }).click();
    await inboxRow(page, '归档个案').getByText('已完成').waitFor();

    await goTo(tabs.counselor.page, '我的个案');
    await tabs.counselor.page
      .getByRole('row')
      .filter({ hasText: caseId.slice(0, 8).toUpperCase() })
      .getByText('已归档')
      .waitFor();
    await saveScreenshot(tabs.counselor.page, 'closing-03-archived');
    expectNoProblems(tabs);
  });
});
