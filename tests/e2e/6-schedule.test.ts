import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin, counselor } from './center';
import { bringIn, goTo, logIn, modal, workEveryDay } from './steps.js';

/**
 * Issue 7's journey: the admin sets up rooms and a service, a front-desk colleague joins, the
 * counselor sets working hours; the front desk books a new client (whose card is sealed in the
 * desk's browser), moves the appointment by dragging it, is refused when dragging it onto another
 * one, and the counselor — who cannot open that client's card and sees a neutral label — marks
 * the session completed (the journey books last week, so the sessions have taken place).
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
const desk = {
  name: '刘前台',
  email: 'liu.desk@xinqing.example',
  passphrase: '前台的窗台上养着一盆绿萝和两株多肉',
};
const client = '韩梅梅';

/** Presses on the middle of `event` and lets go `minutes` lower (the grid draws a minute per pixel). */
async function dragDown(page: Page, event: Locator, minutes: number) {
  await event.scrollIntoViewIfNeeded();
  const box = await event.boundingBox();
  if (!box) throw new Error('the appointment is not on screen');
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 10);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + minutes / 2, { steps: 5 });
  await page.mouse.move(x, y + minutes, { steps: 5 });
  await page.mouse.up();
}

describe('the schedule of a counseling center', () => {
  let browser: Browser;
  let adminTab: OpenedPage;
  let deskTab: OpenedPage;
  let counselorTab: OpenedPage;

  beforeAll(async () => {
    browser = await launchChromium();
    adminTab = await openPage(browser, baseURL, 'laptop');
    deskTab = await openPage(browser, baseURL, 'laptop');
    counselorTab = await openPage(browser, baseURL, 'laptop');
    for (const tab of [adminTab, deskTab, counselorTab]) {
      await tab.page.setViewportSize({ width: 1280, height: 1500 });
    }
  });

  afterAll(async () => {
    await adminTab?.close();
    await deskTab?.close();
    await counselorTab?.close();
    await browser?.close();
  });

  it('lets the admin add rooms and a service in the settings', async () => {
    const { page } = adminTab;
    await logIn(page, admin);
    await goTo(page, '设置');
    await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();
    expect(await page.getByLabel('机构时区').inputValue()).toBe('Asia/Shanghai');
    for (const room of ['一号咨询室', '二号咨询室']) {
      await page.getByLabel('咨询室名称').fill(room);
      await page.getByRole('button', { name: '添加咨询室' }).click();
      await page.getByText(room, { exact: true }).waitFor();
    }
    await page.getByLabel('服务名称').fill('个体咨询 50 分钟');
    await page.getByLabel('时长（分钟）').fill('50');
    await page.getByLabel('费用（元）').fill('300');
    await page.getByRole('button', { name: '添加服务' }).click();
    await page.getByRole('cell', { name: '个体咨询 50 分钟' }).waitFor();
    await page.getByRole('cell', { name: '300.00' }).waitFor();
    await saveScreenshot(page, 'schedule-01-settings');
  });

  it('brings a certified front-desk colleague into the center', async () => {
    const { page } = adminTab;
    await bringIn(page, deskTab.page, desk, '前台');
  });

  it('lets the counselor set working hours for every day of the week', async () => {
    const { page } = counselorTab;
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    await goTo(page, '日程');
    await page.getByRole('heading', { level: 1, name: '日程' }).waitFor();
    await page.getByText('此时间段没有预约。').waitFor();
    await workEveryDay(page, '09:00', '18:00');
  });

  it('lets the front desk book a new client at 10:00 and another session at 14:00', async () => {
    const { page } = deskTab;
    await logIn(page, desk);
    await goTo(page, '日程');
    await page.getByRole('heading', { level: 1, name: '日程' }).waitFor();
    expect(await page.getByLabel('查看日历').locator('option:checked').textContent()).toBe(counselor.name);
    // Last week, so the sessions have taken place by the time the counselor marks one completed.
    await page.getByRole('button', { name: '上一周' }).click();

    await page.getByRole('button', { name: '新建预约' }).click();
    let dialog = modal(page);
    await dialog.getByLabel('来访者', { exact: true }).selectOption({ label: '新来访者…' });
    await dialog.getByLabel('来访者姓名').fill(client);
    await dialog.getByLabel('咨询室').selectOption({ label: '一号咨询室' });
    await dialog.getByLabel('开始时间').fill('10:00');
    await dialog.getByRole('button', { name: '预约', exact: true }).click();
    await page.getByText('预约已保存。').waitFor();
    await page.getByRole('button', { name: `10:00 ${client} · 已确认` }).waitFor();

    await page.getByRole('button', { name: '新建预约' }).click();
    dialog = modal(page);
    await dialog.getByLabel('来访者', { exact: true }).selectOption({ label: client });
    await dialog.getByLabel('咨询室').selectOption({ label: '二号咨询室' });
    await dialog.getByLabel('开始时间').fill('14:00');
    await dialog.getByRole('button', { name: '预约', exact: true }).click();
    await page.getByRole('button', { name: `14:00 ${client} · 已确认` }).waitFor();
    await saveScreenshot(page, 'schedule-02-booked');
  });

  it('refuses a booking on top of another one', async () => {
    const { page } = deskTab;
    await page.getByRole('button', { name: '新建预约' }).click();
    const dialog = modal(page);
    await dialog.getByLabel('来访者', { exact: true }).selectOption({ label: client });
    await dialog.getByLabel('咨询室').selectOption({ label: '二号咨询室' });
    await dialog.getByLabel('开始时间').fill('10:30');
    await dialog.getByRole('button', { name: '预约', exact: true }).click();
    await dialog.getByText('该咨询师此时已有预约。').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('moves the 10:00 session to 11:00 by dragging it', async () => {
    const { page } = deskTab;
    await dragDown(page, page.getByRole('button', { name: `10:00 ${client} · 已确认` }), 60);
    await page.getByText('预约已改期。').waitFor();
    await page.getByRole('button', { name: `11:00 ${client} · 已确认` }).waitFor();
    expect(await page.getByRole('button', { name: `10:00 ${client} · 已确认` }).count()).toBe(0);
  });

  it('refuses to drag it onto the 14:00 session and leaves it where it was', async () => {
    const { page } = deskTab;
    await dragDown(page, page.getByRole('button', { name: `11:00 ${client} · 已确认` }), 180);
    await page.getByText('无法改到该时间： 该咨询师此时已有预约。').waitFor();
    await page.getByRole('button', { name: `11:00 ${client} · 已确认` }).waitFor();
    await page.getByRole('button', { name: `14:00 ${client} · 已确认` }).waitFor();
    await saveScreenshot(page, 'schedule-03-conflict');
  });

  it('shows the counselor a neutral label and lets them mark the session completed', async () => {
    const { page } = counselorTab;
    await page.getByRole('button', { name: '今天' }).click();
    await page.getByRole('button', { name: '上一周' }).click();
    const session = page.getByRole('button', { name: /^11:00 来访者 ·[0-9a-f]{4} · 已确认$/ });
    await session.waitFor();
    expect(await page.getByText(client).count()).toBe(0);
    await session.click();
    const dialog = modal(page);
    await dialog.locator('dd').getByText('一号咨询室').waitFor();
    await dialog.getByRole('button', { name: '标记为已完成' }).click();
    await page.getByRole('button', { name: /^11:00 来访者 ·[0-9a-f]{4} · 已完成$/ }).waitFor();
    await saveScreenshot(page, 'schedule-04-completed');
  });

  it('showed no console errors and no CSP violations along the way', () => {
    for (const tab of [adminTab, deskTab, counselorTab]) expect(tab.problems).toEqual(noProblems);
  });
});
