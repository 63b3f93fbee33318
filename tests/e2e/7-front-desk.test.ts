import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin, counselor, frontDesk } from './center';
import { bringIn, goTo, logIn } from './steps';
import { modal } from './steps.js';

/**
 * The front desk's compartment in the browser (DESIGN §2): the admin makes the front-desk key;
 * the front desk sees, decrypted, the names of clients a counselor registers; the front desk
 * registers a client without a case and hands the card to the counselor, who opens the case.
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };

describe('the front desk and its clients', () => {
  let browser: Browser;
  let adminTab: OpenedPage;
  let counselorTab: OpenedPage;
  let deskTab: OpenedPage;

  beforeAll(async () => {
    browser = await launchChromium();
    adminTab = await openPage(browser, baseURL, 'laptop');
    counselorTab = await openPage(browser, baseURL, 'laptop');
    deskTab = await openPage(browser, baseURL, 'laptop');
  });

  afterAll(async () => {
    await adminTab?.close();
    await counselorTab?.close();
    await deskTab?.close();
    await browser?.close();
  });

  it('has the admin make the front-desk key once a front-desk member is certified', async () => {
    const { page } = adminTab;
    await logIn(page, admin);
    await goTo(page, '用户与邀请');
    await page.getByRole('heading', { name: '前台密钥' }).waitFor();
    // Earlier journeys may have brought a front-desk colleague in already (6-schedule does).
    await page.getByText(/还没有密钥已认证的前台成员|尚未建立前台密钥。/).waitFor();

    await bringIn(page, deskTab.page, frontDesk, '前台');
    await page.getByRole('button', { name: '建立前台密钥' }).click();
    await page.getByText('前台密钥已建立，并已加密给每位前台成员。').waitFor();
    await page.getByText(/前台密钥已建立（第 1 代），\d+ 位前台成员。/).waitFor();
    await saveScreenshot(page, 'front-desk-01-key-created');
  });

  it('shows the front desk, decrypted, the name of a client the counselor registers', async () => {
    const counselorPage = counselorTab.page;
    await logIn(counselorPage, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    await goTo(counselorPage, '我的个案');
    await counselorPage.getByRole('button', { name: '新建来访者与个案' }).click();
    const dialog = modal(counselorPage);
    await dialog.getByLabel('姓名').fill('周晓');
    await dialog.getByLabel('电话', { exact: true }).fill('13700000007');
    await dialog.getByRole('button', { name: '创建并打开' }).click();
    await counselorPage.getByText('已验证：0 条记录，日志完整').waitFor();
    await counselorPage.getByText('13700000007').waitFor();

    const { page } = deskTab;
    await logIn(page, frontDesk);
    await goTo(page, '来访者');
    await page.getByRole('heading', { level: 1, name: '来访者' }).waitFor();
    await page.getByRole('cell', { name: '周晓', exact: true }).waitFor();
    await page.getByRole('cell', { name: '13700000007', exact: true }).waitFor();
    await saveScreenshot(page, 'front-desk-02-client-list');
  });

  it('lets the front desk register a client and hand the card to the counselor, who opens the case', async () => {
    const { page } = deskTab;
    await page.getByRole('button', { name: '登记来访者' }).click();
    const dialog = modal(page);
    await dialog.getByLabel('姓名').fill('吴桐');
    await dialog.getByLabel('电话', { exact: true }).fill('13600000006');
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('来访者已登记。').waitFor();
    const row = page.getByRole('row').filter({ hasText: '吴桐' });
    await row.getByRole('button', { name: '交给咨询师' }).click();
    const share = modal(page);
    await share.getByLabel('咨询师').selectOption({ label: counselor.name });
    await share.getByRole('button', { name: '交给TA' }).click();
    await page.getByText(`已把吴桐的联系卡交给${counselor.name}，TA 现在可以为其开案。`).waitFor();

    const counselorPage = counselorTab.page;
    await goTo(counselorPage, '我的个案');
    await counselorPage.getByRole('button', { name: '新建来访者与个案' }).click();
    const dialogForCase = modal(counselorPage);
    await dialogForCase.getByLabel('来访者', { exact: true }).selectOption({ label: '吴桐' });
    expect(await dialogForCase.getByLabel('姓名').count()).toBe(0);
    await dialogForCase.getByRole('button', { name: '创建并打开' }).click();
    await counselorPage.getByText('已验证：0 条记录，日志完整').waitFor();
    await counselorPage.getByText('13600000006').waitFor();
    await saveScreenshot(counselorPage, 'front-desk-03-case-for-registered-client');
  });

  it('showed no console errors and no CSP violations along the way', () => {
    for (const tab of [adminTab, counselorTab, deskTab]) expect(tab.problems).toEqual(noProblems);
  });
});
