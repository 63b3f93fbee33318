import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { userListSchema } from '../../core/api/index';
import { z } from '../../core/api/zod';
import { nodeApiClient } from '../../scripts/demo/node-api';
import { memoryRootPins, signInWithPassphrase } from '../../web/src/lib/protocol/index';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin, counselor, frontDesk } from './center';
import { chooseOption, focusInside, focusShown, retype, tabTo } from './keyboard';
import { logIn, modal } from './steps.js';

/**
 * Issue 13: the main flows with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows, Escape,
 * typing), checking at every stop that focus can be seen: a counselor writes a session note, a
 * client fills a PHQ-9 by arrow keys, the front desk books an appointment, a visitor books through
 * the widget, and every dialog on the way keeps focus inside and gives it back when it closes.
 * Needs 1-first-day and 7-front-desk (the front-desk key and the clients it can read); signing in
 * is the mouse's (97-accessibility signs in by keyboard).
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
const SERVICE = '键盘预约 · 个体咨询 50 分钟';
const NOTE = '用键盘写下的记录：讨论了考试焦虑';
const DIALOG = '[role="dialog"], [role="alertdialog"]';

/** The center offers a service and the counselor works every day from 09:00 to 18:00. */
async function openTheSchedule() {
  const api = nodeApiClient(baseURL);
  await signInWithPassphrase(api, memoryRootPins(), admin.email, admin.passphrase);
  await api.send(
    'POST',
    '/api/schedule/services',
    { name: SERVICE, serviceType: 'individual', durationMinutes: 50, feeCents: 30000 },
    z.object({ id: z.string() }),
  );
  const { users } = await api.get('/api/users/directory', userListSchema);
  const person = users.find((user) => user.email === counselor.email);
  if (!person) throw new Error('the shared center has no counselor');
  const shifts = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1080 }));
  await api.send('PUT', `/api/schedule/counselors/${person.id}/shifts`, { shifts }, z.unknown());
}

/** Enter on the focused control opens a dialog; focus stays inside it both ways round; Escape gives it back. */
async function checkDialogTrap(page: Page, opener: RegExp, unseen: string[]) {
  const dialog = modal(page);
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let stop = 0; stop < 25; stop++) {
      await page.keyboard.press(key);
      const focused = await focusShown(page);
      if (!focused.visible) unseen.push(`dialog: ${focused.name}`);
      expect(await focusInside(page, DIALOG), `${key} ×${stop + 1} left the dialog for ${focused.name}`).toBe(
        true,
      );
    }
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(async () => (await focusShown(page)).name).toMatch(opener);
}

describe('the main flows with the keyboard alone, focus always visible', () => {
  let browser: Browser;
  let counselorTab: OpenedPage;
  let deskTab: OpenedPage;
  let phone: OpenedPage;
  let portalLink = '';

  beforeAll(async () => {
    await openTheSchedule();
    browser = await launchChromium();
    counselorTab = await openPage(browser, baseURL, 'laptop');
    deskTab = await openPage(browser, baseURL, 'laptop');
    phone = await openPage(browser, baseURL, 'phone');
  });

  afterAll(async () => {
    for (const tab of [counselorTab, deskTab, phone]) await tab?.close();
    await browser?.close();
  });

  it('lets a counselor open a case and write a session note', async () => {
    const { page } = counselorTab;
    const unseen: string[] = [];
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });

    await tabTo(page, /^我的个案$/, unseen);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '我的个案' }).waitFor();
    // A case still open for notes (later journeys close and archive some of theirs).
    const open = page
      .getByRole('row')
      .filter({ hasText: /初访|进行中/ })
      .getByRole('link')
      .first();
    const caseName = (await open.textContent())?.trim() ?? '';
    expect(caseName).toMatch(/^个案 [0-9A-F]{8}$/);
    await tabTo(page, /^新建来访者与个案$/, unseen);
    await page.keyboard.press('Enter');
    await modal(page).getByLabel('姓名').waitFor();
    await checkDialogTrap(page, /^新建来访者与个案$/, unseen);
    await tabTo(page, new RegExp(`^${caseName}$`), unseen);
    await page.keyboard.press('Enter');
    await page.getByText(/已验证：\d+ 条记录，日志完整/).waitFor();

    await tabTo(page, /^写咨询记录$/, unseen);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '单次咨询记录表' }).waitFor();
    await tabTo(page, /^咨询日期/, unseen);
    // The date field reads month/day/year in Chromium's en-US: a day that is always in the past.
    await page.keyboard.type('11202026');
    await tabTo(page, /^第几次咨询/, unseen);
    await retype(page, '1');
    await tabTo(page, /^时长（分钟）/, unseen);
    await retype(page, '50');
    await tabTo(page, /^面询$/, unseen);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.getByRole('radio', { name: '面询' }).isChecked()).toBe(true);
    await tabTo(page, /^本次主要议题/, unseen);
    await page.keyboard.type(NOTE);
    await tabTo(page, /^无$/, unseen);
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: '无' }).isChecked()).toBe(true);
    await tabTo(page, /^保存记录$/, unseen);
    await saveScreenshot(page, 'keyboard-01-session-note');
    await page.keyboard.press('Enter');
    await page.getByText(NOTE).waitFor();
    await page.getByText(/已验证：\d+ 条记录，日志完整/).waitFor();
    expect(unseen).toEqual([]);
  });

  it('lets the counselor send a PHQ-9 link and the client fill it by arrow keys', async () => {
    const counselorPage = counselorTab.page;
    const unseen: string[] = [];
    const panel = counselorPage.getByRole('region', { name: '来访者填写链接' });
    await panel.getByLabel('表单').waitFor();
    await tabTo(counselorPage, /^表单/, unseen);
    await chooseOption(counselorPage, /^PHQ-9/);
    await tabTo(counselorPage, /^生成链接$/, unseen);
    await counselorPage.keyboard.press('Enter');
    await panel.getByLabel('一次性链接').waitFor();
    const url = new URL(await panel.getByLabel('一次性链接').inputValue());
    portalLink = url.pathname + url.hash;

    const { page } = phone;
    await page.goto(portalLink);
    await page.getByRole('heading', { level: 1, name: 'PHQ-9 患者健康问卷（抑郁）' }).waitFor();
    const answers = [1, 2, 0, 3, 1, 0, 1, 0, 0];
    const groups = page.getByRole('radiogroup');
    for (const [item, answer] of answers.entries()) {
      // Tab lands on the group's first choice; the arrows move and choose, Space takes the first.
      await tabTo(page, /^完全不会$/, unseen);
      if (answer === 0) await page.keyboard.press('Space');
      for (let step = 0; step < answer; step++) await page.keyboard.press('ArrowDown');
      const checked = groups.nth(item).getByRole('radio', { checked: true });
      expect(await checked.getAttribute('value')).toBe(String(answer));
    }
    await tabTo(page, /^毫无困难$/, unseen);
    await page.keyboard.press('ArrowRight');
    await tabTo(page, /^加密并提交$/, unseen);
    await saveScreenshot(page, 'keyboard-02-phq9');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '已提交，谢谢您' }).waitFor();

    await panel.getByRole('button', { name: '刷新' }).focus();
    await counselorPage.keyboard.press('Enter');
    await panel.getByText('总分 8（轻度）').waitFor();
    expect(unseen).toEqual([]);
  });

  it('shows the search page and the counselor’s profile page in Chinese and in English', async () => {
    const { page } = counselorTab;
    await page.keyboard.press('/');
    await page.keyboard.type('考试焦虑');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '搜索' }).waitFor();
    await page
      .getByRole('link', { name: /单次咨询记录表/ })
      .first()
      .waitFor();
    await saveScreenshot(page, 'keyboard-05-search-zh');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    await saveScreenshot(page, 'keyboard-05-search-en');

    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: /profile/i }).click();
    await page.locator('main h1').first().waitFor();
    await page.getByRole('button', { name: /^Save/ }).waitFor();
    await saveScreenshot(page, 'keyboard-06-profile-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '用户菜单' }).waitFor();
    await saveScreenshot(page, 'keyboard-06-profile-zh');
  });

  it('lets the front desk book an appointment and see it on the calendar', async () => {
    const { page } = deskTab;
    const unseen: string[] = [];
    await logIn(page, frontDesk);
    await tabTo(page, /^日程$/, unseen);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '日程' }).waitFor();

    await tabTo(page, /^新建预约$/, unseen);
    await page.keyboard.press('Enter');
    const dialog = modal(page);
    await dialog.getByRole('heading', { name: '新建预约' }).waitFor();
    await checkDialogTrap(page, /^新建预约$/, unseen);

    await page.keyboard.press('Enter');
    await dialog.getByRole('heading', { name: '新建预约' }).waitFor();
    // The client cards open in this browser: a person waits for the names to appear.
    await dialog.getByLabel('来访者', { exact: true }).locator('option', { hasText: '周晓' }).waitFor({
      state: 'attached',
    });
    await tabTo(page, /^来访者$/, unseen);
    await chooseOption(page, /^周晓$/);
    await tabTo(page, /^咨询师/, unseen);
    await chooseOption(page, new RegExp(`^${counselor.name}$`));
    await tabTo(page, /^服务/, unseen);
    await chooseOption(page, new RegExp(`^${SERVICE}$`));
    await tabTo(page, /^开始时间/, unseen);
    // hours, minutes, then the AM/PM of Chromium's en-US time field
    await page.keyboard.type('1235');
    await page.keyboard.type('P');
    await tabTo(page, /^预约$/, unseen);
    await page.keyboard.press('Enter');
    await page.getByText('预约已保存。').waitFor();
    const booked = page.getByRole('button', { name: '12:35 周晓 · 已确认' });
    await booked.waitFor();
    await saveScreenshot(page, 'keyboard-03-booked');

    // The appointment on the calendar opens by keyboard too, and Escape gives focus back to it.
    await tabTo(page, /^12:35 周晓 · 已确认$/, unseen);
    await page.keyboard.press('Enter');
    await modal(page).getByText(SERVICE).waitFor();
    await checkDialogTrap(page, /^12:35 周晓 · 已确认$/, unseen);
    expect(unseen).toEqual([]);
  });

  it('lists a client the front desk has just registered in the booking dialog', async () => {
    const { page } = deskTab;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '来访者' }).click();
    await page.getByRole('button', { name: '登记来访者' }).click();
    const dialog = modal(page);
    await dialog.getByLabel('姓名').fill('郑新来');
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('来访者已登记。').waitFor();

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '日程' }).click();
    await page.getByRole('button', { name: '新建预约' }).click();
    const clients = modal(page).getByLabel('来访者', { exact: true });
    await clients.locator('option', { hasText: '郑新来' }).waitFor({ state: 'attached' });
    expect(await clients.locator('option:checked').textContent()).not.toBe('新来访者…');

    // A client registered in the dialog itself is there the next time it opens.
    await clients.selectOption({ label: '新来访者…' });
    await modal(page).getByLabel('来访者姓名').fill('钱当场');
    await modal(page).getByLabel('开始时间').fill('16:25');
    await modal(page).getByRole('button', { name: '预约', exact: true }).click();
    await page.getByText('预约已保存。').waitFor();
    await page.getByRole('button', { name: '新建预约' }).click();
    await modal(page).getByLabel('来访者', { exact: true }).locator('option', { hasText: '钱当场' }).waitFor({
      state: 'attached',
    });
    await page.keyboard.press('Escape');
  });

  it('lets a visitor book through the website widget', async () => {
    const { page } = phone;
    const unseen: string[] = [];
    await page.goto('/widget?lang=zh-CN');
    await page.getByRole('heading', { level: 1, name: '预约咨询' }).waitFor();
    await page.getByLabel('咨询服务').waitFor();
    await tabTo(page, /^咨询服务/, unseen);
    await chooseOption(page, new RegExp(`^${SERVICE}$`));
    await page.getByLabel('希望的时间').locator('option').nth(1).waitFor({ state: 'attached' });
    await tabTo(page, /^希望的时间/, unseen);
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('希望的时间').inputValue()).not.toBe('');
    await tabTo(page, /^称呼/, unseen);
    await page.keyboard.type('键盘访客');
    await tabTo(page, /^联系方式/, unseen);
    await page.keyboard.type('13922223333');
    await tabTo(page, /^提交预约申请$/, unseen);
    await page.keyboard.press('Enter');
    await page.getByText('已收到你的申请').waitFor();
    await saveScreenshot(page, 'keyboard-04-widget');
    expect(unseen).toEqual([]);
  });

  it('reported nothing a person would not want to see', () => {
    for (const tab of [counselorTab, deskTab, phone]) expect(tab.problems).toEqual(noProblems);
  });
});
