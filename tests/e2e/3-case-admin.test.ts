import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin, counselor, supervisor } from './center';
import { bringIn, goTo, logIn, modal } from './steps.js';

/**
 * Managing a case in the browser, in the organization 1-first-day created and 2-case-files joined
 * the supervisor to: the counselor opens a second case, moves its status, exports it (print view
 * and JSON), rotates its key; the supervisor finds it by its number and withdraws a request; the
 * counselor transfers it to a colleague, whose browser then opens it with the key the counselor's
 * browser wrapped to them.
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
const colleague = {
  name: '赵晓雨',
  email: 'zhao.xiaoyu@xinqing.example',
  passphrase: '窗外的梧桐树上住着一对喜鹊和三只雏鸟',
};
const note = '讨论了搬家后的适应与新的作息';

interface AuditPage {
  events: { type: string; details: Record<string, unknown> }[];
}

async function auditEvents(page: Page, limit: number): Promise<AuditPage['events']> {
  const audit = await page.evaluate(async (n) => (await fetch(`/api/audit?limit=${n}`)).json(), limit);
  return (audit as AuditPage).events;
}

describe('a case managed: status, export, key rotation, transfer', () => {
  let browser: Browser;
  let adminTab: OpenedPage;
  let counselorTab: OpenedPage;
  let supervisorTab: OpenedPage;
  let colleagueTab: OpenedPage;
  let caseNumber = '';

  beforeAll(async () => {
    browser = await launchChromium();
    adminTab = await openPage(browser, baseURL, 'laptop');
    counselorTab = await openPage(browser, baseURL, 'laptop');
    supervisorTab = await openPage(browser, baseURL, 'tablet');
    colleagueTab = await openPage(browser, baseURL, 'laptop');
  });

  afterAll(async () => {
    for (const tab of [adminTab, counselorTab, supervisorTab, colleagueTab]) await tab?.close();
    await browser?.close();
  });

  it('brings a second certified counselor into the center', async () => {
    const { page } = adminTab;
    await logIn(page, admin);
    await bringIn(page, colleagueTab.page, colleague, '咨询师');
  });

  it('opens a second case with one note and moves it from intake to active', async () => {
    const { page } = counselorTab;
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    await goTo(page, '我的个案');
    await page.getByRole('button', { name: '新建来访者与个案' }).click();
    const dialog = modal(page);
    await dialog.getByLabel('姓名').fill('张伟');
    await dialog.getByLabel('电话', { exact: true }).fill('13700000000');
    await dialog.getByRole('button', { name: '创建并打开' }).click();
    await page.getByText('已验证：0 条记录，日志完整').waitFor();
    caseNumber =
      ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').match(/[0-9A-F]{8}/)?.[0] ?? '';
    expect(caseNumber).toMatch(/^[0-9A-F]{8}$/);

    await page.getByRole('link', { name: '写咨询记录' }).click();
    const form = page.locator('form.record-editor');
    await form.getByLabel('咨询日期').fill('2026-11-21');
    await form.getByLabel('第几次咨询').fill('1');
    await form.getByLabel('时长（分钟）').fill('50');
    await form.getByText('面询', { exact: true }).click();
    await form.getByLabel('本次主要议题').fill(note);
    await form.getByText('无', { exact: true }).click();
    await form.getByRole('button', { name: '保存记录' }).click();
    await page.getByText('已验证：1 条记录，日志完整').waitFor();

    const heading = page.getByRole('heading', { level: 1 });
    await heading.getByText('初访').waitFor();
    await page.getByRole('button', { name: '改为「进行中」' }).click();
    await page.getByText('个案状态已改为「进行中」。').waitFor();
    await heading.getByText('进行中').waitFor();
    expect(await page.getByRole('button', { name: '改为「结案中」' }).count()).toBe(1);
    await saveScreenshot(page, 'case-admin-01-status');
  });

  it('shows a print view of the decrypted case and downloads it as JSON', async () => {
    const { page } = counselorTab;
    await page.getByRole('link', { name: '打印或导出' }).click();
    await page.getByRole('heading', { level: 1, name: `个案 ${caseNumber} · 导出` }).waitFor();
    await page.getByText(note).waitFor();
    await page.getByText('13700000000').waitFor();
    await page.getByText('日志已验证：1 条').waitFor();

    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole('button', { name: '打印或存为 PDF' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '打印或存为 PDF' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: '主导航' }).isVisible()).toBe(false);
    await page.getByText(note).waitFor();
    await saveScreenshot(page, 'case-admin-02-print-view');
    await page.emulateMedia({ media: 'screen' });

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 JSON' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`case-${caseNumber}.json`);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(exported.contact).toMatchObject({ name: '张伟', phone: '13700000000' });
    expect(exported.records[0].fields.presenting_issues).toBe(note);
    await page.getByText('已下载 JSON 文件。').waitFor();

    const formats = (await auditEvents(adminTab.page, 20))
      .filter((event) => event.type === 'case.exported')
      .map((event) => event.details.format);
    expect(formats).toEqual(expect.arrayContaining(['pdf', 'json']));
    await page.getByRole('link', { name: '返回个案' }).click();
    await page.getByText('已验证：1 条记录，日志完整').waitFor();
  });

  it('lets the supervisor find the case by its number, ask, and withdraw the request', async () => {
    const { page } = supervisorTab;
    await logIn(page, supervisor);
    await goTo(page, '与我共享的个案');
    await page.getByLabel('个案链接或编号').fill(caseNumber);
    await page.getByRole('button', { name: '打开个案' }).click();
    await page.getByText('您没有此个案的访问权限，或个案不存在。').waitFor();
    await page.getByText(`主咨询师：${counselor.name}。附言只有对方能解密。`).waitFor();
    await page.getByLabel('给主咨询师的附言（加密，仅对方可读）').fill('想在督导小组里讨论');
    await page.getByRole('button', { name: '申请访问' }).click();
    await page.getByText('您的申请正在等待批准。').waitFor();
    await page.getByRole('button', { name: '撤回申请' }).click();
    await page.getByText('申请已撤回。').waitFor();
    await page.getByRole('button', { name: '申请访问' }).waitFor();
    await saveScreenshot(page, 'case-admin-03-request-withdrawn');

    // the counselor has nothing left to decide
    const counselling = counselorTab.page;
    await goTo(counselling, '我的个案');
    await counselling.getByRole('link', { name: `个案 ${caseNumber}` }).click();
    await counselling.getByText('已验证：1 条记录，日志完整').waitFor();
    await counselling.getByText('没有待处理的申请。').waitFor();
  });

  it('rotates the case key on request', async () => {
    const { page } = counselorTab;
    await page.getByText('当前为第 0 代。', { exact: false }).waitFor();
    await page.getByRole('button', { name: '轮换密钥' }).click();
    await page.getByText('已轮换个案密钥（第 1 代）。').waitFor();
    await page.getByText('当前为第 1 代。', { exact: false }).waitFor();
    await page.getByText(note).waitFor();
  });

  it('transfers the case: the colleague’s browser opens it with the key wrapped to them', async () => {
    const { page } = counselorTab;
    await page.getByLabel('新的主咨询师').selectOption({ label: colleague.name });
    await page.getByRole('button', { name: '转介个案…' }).click();
    const dialog = modal(page);
    await dialog.getByText(`${colleague.name} 将成为主咨询师`, { exact: false }).waitFor();
    await saveScreenshot(page, 'case-admin-04-transfer');
    await dialog.getByRole('button', { name: '确认转介' }).click();
    await page.getByText(`个案已转介给 ${colleague.name}，密钥已交付。`).waitFor();
    await page.getByRole('heading', { name: '访问权限' }).waitFor({ state: 'detached' });

    const taking = colleagueTab.page;
    await logIn(taking, colleague);
    await goTo(taking, '我的个案');
    await taking.getByRole('link', { name: `个案 ${caseNumber}` }).click();
    await taking.getByText('已验证：1 条记录，日志完整').waitFor();
    await taking.getByText(note).waitFor();
    await taking.getByText('13700000000').waitFor();
    await taking
      .getByText('13700000000')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await taking.getByRole('heading', { name: '访问权限' }).waitFor();
    await saveScreenshot(taking, 'case-admin-05-transferred');

    const types = (await auditEvents(adminTab.page, 40)).map((event) => event.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'case.transferred',
        'case.grant_delivered',
        'case.key_rotated',
        'access.cancelled',
      ]),
    );
  });

  it('showed no console errors and no CSP violations along the way', () => {
    for (const tab of [adminTab, counselorTab, supervisorTab, colleagueTab])
      expect(tab.problems).toEqual(noProblems);
  });
});
