import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin } from './center';
import { bringIn, goTo, logIn, modal, workEveryDay } from './steps.js';

/**
 * The rest of issue 7 in the browser, with people of its own so it depends only on 1-first-day:
 * a director reaches the settings (a counselor cannot) and adds a room and a service; the front
 * desk books a weekly series, moves "this and following" from the calendar; the counselor's
 * approved leave lists the session it falls on, and the front desk cancels the whole series from
 * that list; the client's reminder opt-in says the address becomes server-visible, then shows.
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
const seriesDirector = {
  name: '冯主任',
  email: 'feng.director@xinqing.example',
  passphrase: '湖心亭的石桌上摆着一盘没下完的围棋',
};
const seriesCounselor = {
  name: '许咨询师',
  email: 'xu.counselor@xinqing.example',
  passphrase: '巷子口的修鞋师傅每天中午都听评书',
};
const seriesDesk = {
  name: '高前台',
  email: 'gao.desk@xinqing.example',
  passphrase: '大厅的鱼缸里有七条金鱼和一只小乌龟',
};
const client = '林小满';
const room = '沙盘室';
const service = '系列咨询 50 分钟';
const session = (time: string, status = '已确认') => `${time} ${client} · ${status}`;

/** The desk's schedule on the series counselor's calendar, `weeks` weeks from this one. */
async function openCounselorWeek(page: Page, weeks: number) {
  await goTo(page, '日程');
  await page.getByRole('heading', { level: 1, name: '日程' }).waitFor();
  await page.getByLabel('查看日历').selectOption({ label: seriesCounselor.name });
  for (let week = 0; week < weeks; week += 1) await page.getByRole('button', { name: '下一周' }).click();
}

describe('weekly series, leave and reminders in the schedule', () => {
  let browser: Browser;
  let adminTab: OpenedPage;
  let directorTab: OpenedPage;
  let counselorTab: OpenedPage;
  let deskTab: OpenedPage;
  let leaveDate = '';

  beforeAll(async () => {
    browser = await launchChromium();
    adminTab = await openPage(browser, baseURL, 'laptop');
    directorTab = await openPage(browser, baseURL, 'laptop');
    counselorTab = await openPage(browser, baseURL, 'laptop');
    deskTab = await openPage(browser, baseURL, 'laptop');
    for (const tab of [directorTab, counselorTab, deskTab]) {
      await tab.page.setViewportSize({ width: 1280, height: 1500 });
    }
  });

  afterAll(async () => {
    for (const tab of [adminTab, directorTab, counselorTab, deskTab]) await tab?.close();
    await browser?.close();
  });

  it('brings a director, a counselor and a front-desk colleague of its own', async () => {
    const { page } = adminTab;
    await logIn(page, admin);
    await bringIn(page, directorTab.page, seriesDirector, '主任');
    await bringIn(page, counselorTab.page, seriesCounselor, '咨询师');
    await bringIn(page, deskTab.page, seriesDesk, '前台');
  });

  it('lets a director reach the settings and add a room and a service', async () => {
    const { page } = directorTab;
    await logIn(page, seriesDirector);
    await goTo(page, '设置');
    await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();
    expect(await page.getByLabel('机构时区').inputValue()).toBe('Asia/Shanghai');
    await page.getByLabel('咨询室名称').fill(room);
    await page.getByRole('button', { name: '添加咨询室' }).click();
    await page.getByText(room, { exact: true }).waitFor();
    await page.getByLabel('服务名称').fill(service);
    await page.getByLabel('时长（分钟）').fill('50');
    await page.getByLabel('费用（元）').fill('280');
    await page.getByRole('button', { name: '添加服务' }).click();
    await page.getByRole('cell', { name: service }).waitFor();
  });

  it('keeps the settings from a counselor, in the menu and at its address', async () => {
    const { page } = counselorTab;
    await logIn(page, seriesCounselor);
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '日程' }).waitFor();
    expect(await nav.getByRole('link', { name: '设置' }).count()).toBe(0);
    // Typing the address reloads the page, which locks the vault: unlock, then see the refusal.
    await page.goto('/admin/settings');
    await page.getByLabel('口令', { exact: true }).fill(seriesCounselor.passphrase);
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByText('您没有执行此操作的权限。').waitFor();
    expect(await page.getByRole('heading', { level: 1, name: '设置' }).count()).toBe(0);
    expect(await page.getByLabel('咨询室名称').count()).toBe(0);
  });

  it('lets the counselor work every day from 09:00 to 18:00', async () => {
    const { page } = counselorTab;
    await goTo(page, '日程');
    await page.getByRole('heading', { level: 1, name: '日程' }).waitFor();
    await workEveryDay(page, '09:00', '18:00');
  });

  it('lets the front desk book a new client weekly for four weeks from next week', async () => {
    const { page } = deskTab;
    await logIn(page, seriesDesk);
    await openCounselorWeek(page, 1);
    await page.getByRole('button', { name: '新建预约' }).click();
    const dialog = modal(page);
    await dialog.getByLabel('来访者', { exact: true }).selectOption({ label: '新来访者…' });
    await dialog.getByLabel('来访者姓名').fill(client);
    expect(await dialog.getByLabel('咨询师').locator('option:checked').textContent()).toBe(
      seriesCounselor.name,
    );
    await dialog.getByLabel('服务').selectOption({ label: service });
    await dialog.getByLabel('咨询室').selectOption({ label: room });
    await dialog.getByLabel('开始时间').fill('10:00');
    await dialog.getByLabel('每周重复（周数）').fill('4');
    await dialog.getByRole('button', { name: '预约', exact: true }).click();
    await page.getByText('预约已保存。').waitFor();
    await page.getByRole('button', { name: session('10:00') }).waitFor();

    // The same session in the day view, and on the room's calendar.
    await page.getByRole('button', { name: '日', exact: true }).click();
    await page.getByRole('button', { name: '后一天' }).waitFor();
    await page.getByRole('button', { name: session('10:00') }).waitFor();
    await page.getByRole('button', { name: '周', exact: true }).click();
    await page.getByLabel('查看日历').selectOption({ label: room });
    await page.getByRole('button', { name: session('10:00') }).waitFor();
    await page.getByLabel('查看日历').selectOption({ label: seriesCounselor.name });
  });

  it('moves this and the following sessions of the series to 15:00 from the calendar', async () => {
    const { page } = deskTab;
    await page.getByRole('button', { name: '下一周' }).click();
    await page.getByRole('button', { name: session('10:00') }).click();
    const dialog = modal(page);
    await dialog.getByLabel('应用于').selectOption({ label: '此次及之后的系列预约' });
    await dialog.getByLabel('开始时间').fill('15:00');
    await dialog.getByRole('button', { name: '改到此时间' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: session('15:00') }).waitFor();
    expect(await page.getByRole('button', { name: session('10:00') }).count()).toBe(0);

    // The week before keeps its time; the weeks after moved with this one.
    await page.getByRole('button', { name: '上一周' }).click();
    await page.getByRole('button', { name: session('10:00') }).waitFor();
    expect(await page.getByRole('button', { name: session('15:00') }).count()).toBe(0);
    await page.getByRole('button', { name: '下一周' }).click();
    await page.getByRole('button', { name: '下一周' }).click();
    await page.getByRole('button', { name: session('15:00') }).click();
    leaveDate = await modal(page).getByLabel('日期', { exact: true }).inputValue();
    expect(leaveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.keyboard.press('Escape');
    await modal(page).waitFor({ state: 'hidden' });
    await saveScreenshot(page, 'schedule-05-series-moved');
  });

  it('tells the director, approving leave on the third week, that one session must move', async () => {
    const counselor = counselorTab.page;
    await counselor.getByLabel('开始日期', { exact: true }).fill(leaveDate);
    await counselor.getByLabel('结束日期', { exact: true }).fill(leaveDate);
    await counselor.getByRole('button', { name: '提交请假申请' }).click();
    await counselor.getByText('请假申请已提交，等待主任审批。').waitFor();

    const { page } = directorTab;
    await goTo(page, '日程');
    const pending = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: '待审批的请假' }) });
    const request = pending.getByRole('listitem').filter({ hasText: seriesCounselor.name });
    await request.getByRole('button', { name: '批准' }).click();
    await page.getByText('已批准。期间有 1 个预约需要前台改期。').waitFor();
  });

  it('lists that session for the front desk, which cancels the whole series from the list', async () => {
    const { page } = deskTab;
    await goTo(page, '来访者');
    await goTo(page, '日程');
    const panel = page.getByRole('region', { name: '请假期间的预约' });
    const item = panel.getByRole('listitem').filter({ hasText: client });
    await item.filter({ hasText: seriesCounselor.name }).waitFor();
    await saveScreenshot(page, 'schedule-06-leave-conflicts');
    await item.getByRole('button', { name: '改期或取消' }).click();
    const dialog = modal(page);
    expect(await dialog.getByLabel('日期', { exact: true }).inputValue()).toBe(leaveDate);
    await dialog.getByLabel('应用于').selectOption({ label: '整个每周系列' });
    await dialog.getByLabel('取消原因').selectOption({ label: '咨询师无法出席' });
    await dialog.getByRole('button', { name: '取消预约' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('这会取消：整个每周系列；原因记为「咨询师无法出席」。').waitFor();
    await confirm.getByRole('button', { name: '确认取消' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await panel.waitFor({ state: 'hidden' });

    await page.getByLabel('查看日历').selectOption({ label: seriesCounselor.name });
    // The series starts next week: its first session kept 10:00, the three after it moved to 15:00.
    for (const time of ['10:00', '15:00', '15:00', '15:00']) {
      await page.getByRole('button', { name: '下一周' }).click();
      await page.getByRole('button', { name: session(time, '已取消') }).waitFor();
      expect(await page.getByRole('button', { name: session(time) }).count()).toBe(0);
    }
  });

  it('records the client’s reminder opt-in after saying the address becomes server-visible', async () => {
    const { page } = deskTab;
    await goTo(page, '来访者');
    const openDialog = async () => {
      await page.getByRole('button', { name: `${client} 的预约提醒` }).click();
      const dialog = modal(page);
      await dialog.getByText('此电子邮箱将以明文保存在服务器上').waitFor();
      return dialog;
    };
    let dialog = await openDialog();
    await dialog.getByText('该来访者未开启提醒。').waitFor();
    await dialog.getByLabel('接收提醒的电子邮箱').fill('lin.xiaoman@example.com');
    await dialog.getByRole('button', { name: '开启提醒' }).click();
    await page.getByText(`${client} 将收到预约提醒。`).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    dialog = await openDialog();
    await dialog.getByText('该来访者已开启提醒。').waitFor();
    expect(await dialog.getByLabel('接收提醒的电子邮箱').inputValue()).toBe('lin.xiaoman@example.com');
    await dialog.getByRole('button', { name: '停止提醒并删除该邮箱' }).waitFor();
    await saveScreenshot(page, 'schedule-07-reminder-opt-in');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('showed no console errors and no CSP violations along the way', () => {
    for (const tab of [adminTab, directorTab, counselorTab, deskTab])
      expect(tab.problems).toEqual(noProblems);
  });
});
