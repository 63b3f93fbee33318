import { describe, inject, it } from 'vitest';
import { saveScreenshot } from './browser';
import { admin, counselor, supervisor } from './center';
import { expectNoProblems, goTo, inboxRow, installProcess, logIn, openNewCase, tabsFor } from './steps';

/**
 * Issue 6's supervision process in the shared center: the admin names the counselor's supervisor
 * and installs the process; on a fresh case the counselor asks for a supervision from the case
 * page and writes the supervision report from the inbox; the supervisor's "ask" step files an access request; the counselor's "deliver" step
 * approves it and wraps the case key to the supervisor in the browser; the supervisor reads the
 * case and finds the review waiting.
 */

const baseURL = inject('baseURL');
const CLIENT = '督导流程来访者';
const CONCEPTUALIZATION = '来访者的焦虑与升学压力有关，需要督导讨论的个案概念化';
const ASK = '申请临时访问个案';
const DELIVER = '向督导开放个案的临时访问';

describe('the supervision process gives the supervisor the case key through the inbox', () => {
  const tabs = tabsFor(baseURL, { admin: 'laptop', counselor: 'laptop', supervisor: 'laptop' });
  let caseId = '';

  it('names the counselor’s supervisor, installs the report form and the supervision process', async () => {
    const { page } = tabs.admin;
    await logIn(page, admin);
    await goTo(page, '用户与邀请');
    await page.getByLabel(`${counselor.name} 的督导`).selectOption({ label: supervisor.name });
    await page.getByText(`已将 ${supervisor.name} 指定为 ${counselor.name} 的督导。`).waitFor();
    await installProcess(page, {
      form: '督导报告',
      formVersion: 'supervision-report@1',
      process: '督导',
      processRow: '督导 Supervision',
    });
  });

  it('lets the counselor write the supervision report the process asks for', async () => {
    const { page } = tabs.counselor;
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    caseId = await openNewCase(page, { name: CLIENT, phone: '13700000008' });

    // The process starts by itself every N completed sessions; here the counselor asks for it now.
    const processes = page.getByRole('region', { name: '流程' });
    await processes.getByRole('button', { name: '申请督导' }).click();
    await processes.getByText('已发起“督导”，下一步已在待办中。').waitFor();
    await processes.getByRole('button', { name: '申请督导' }).click();
    await processes.getByText('这个流程已在此个案上进行中，请在待办中继续。').waitFor();

    await goTo(page, '任务');
    await page.getByRole('link', { name: '填写表单 提交督导报告' }).click();
    const form = page.locator('form.record-editor');
    await form.getByLabel('督导日期', { exact: true }).fill('2026-11-20');
    await form.getByText('个体督导', { exact: true }).click();
    await form.getByLabel('时长（分钟）').fill('60');
    await form.getByLabel('个案概念化').fill(CONCEPTUALIZATION);
    await form.getByLabel('希望在督导中讨论的问题').fill('如何处理来访者的回避');
    await form.getByRole('button', { name: '保存记录' }).click();
    await page.getByRole('heading', { level: 1, name: '任务' }).waitFor();
    await inboxRow(page, '提交督导报告').getByText('已完成').waitFor();
  });

  it('lets the supervisor ask for access from the ask step', async () => {
    const { page } = tabs.supervisor;
    await logIn(page, supervisor);
    await goTo(page, '任务');
    await page.getByRole('link', { name: `打开 ${ASK}` }).click();
    await page.getByRole('heading', { level: 1, name: '申请临时访问个案' }).waitFor();
    await page.getByText(`为督导申请访问个案 ${caseId.slice(0, 8).toUpperCase()}`).waitFor();
    await page.getByLabel('给主咨询师的附言（加密，仅对方可读）').fill('下次督导会讨论这份报告');
    await saveScreenshot(page, 'supervision-01-ask');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ask for temporary access to the case' }).waitFor();
    await saveScreenshot(page, 'supervision-01b-ask-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '申请访问' }).click();
    await page.getByText('此步骤已完成。').waitFor();
    await page.getByRole('link', { name: '← 返回待办' }).click();
    await inboxRow(page, ASK).getByText('已完成').waitFor();
  });

  it('lets the counselor approve the request and deliver the key from the deliver step', async () => {
    const { page } = tabs.counselor;
    await goTo(page, '我的个案');
    await goTo(page, '任务');
    await page.getByRole('link', { name: `打开 ${DELIVER}` }).click();
    await page.getByRole('heading', { level: 1, name: '向督导交付个案密钥' }).waitFor();
    await page.getByText(`${supervisor.name} 申请只读访问 7 天（督导）`).waitFor();
    await page.getByText('附言：下次督导会讨论这份报告').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Give the supervisor the case key' }).waitFor();
    await saveScreenshot(page, 'supervision-02a-deliver-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '批准' }).click();
    await page.getByText(/现在交付，访问将于 .+ 到期。/).waitFor();
    await saveScreenshot(page, 'supervision-02-deliver');
    await page.getByRole('button', { name: '交付密钥' }).click();
    await page.getByText('此步骤已完成。').waitFor();
    await page.getByRole('link', { name: '← 返回待办' }).click();
    await inboxRow(page, DELIVER).getByText('已完成').waitFor();
  });

  it('lets the supervisor read the case and finds the review waiting', async () => {
    const { page } = tabs.supervisor;
    await goTo(page, '与我共享的个案');
    await page.getByRole('link', { name: `个案 ${caseId.slice(0, 8).toUpperCase()}` }).click();
    await page.getByText('已验证：1 条记录，日志完整').waitFor();
    await page.getByText(CONCEPTUALIZATION).waitFor();
    await page.getByText('您对此个案只有读取权限。').waitFor();
    await saveScreenshot(page, 'supervision-03-supervisor-reads');

    await goTo(page, '任务');
    await page.getByRole('button', { name: '批准 审阅并给出督导意见' }).waitFor();
    expectNoProblems(tabs);
  });
});
