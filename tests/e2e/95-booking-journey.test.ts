import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin, counselor, frontDesk } from './center';
import { goTo, logIn, modal, openStep } from './steps';
import { openTheSchedule, serveWebsite } from './website';

/**
 * Issue 6's booking process end to end, in the shared center (after 7-front-desk made the
 * front-desk key): the admin adds a notification step to the shipped 新来访者预约 process in the
 * designer and publishes it; a visitor books through the widget on the center's website; the
 * front desk opens the sealed request in its browser and registers the client, ranks the counselors with the reasons shown, books the first session and
 * hands over the card; the counselor confirms and opens the case; the front desk tells the client.
 * The request's status moves with the steps, and each person finds their step in their inbox.
 * The visitor asks for a counselor who speaks English; the admin noted in Settings/Users that the
 * counselor does, and the ranking says so.
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
/** Names of its own, so the requests and services of 9-widget do not answer for these. */
const SERVICE = '流程预约 · 初次访谈 50 分钟';
const BOOKING = '新来访者预约 New client booking';
const COUNSELOR_NOTICE = 'A new client is booked with you';
/** The same notice as the Chinese notification center shows it. */
const COUNSELOR_NOTICE_ZH = '有新来访者预约了您';
/** The step the admin adds in the designer: the booking then runs through the new version. */
const DESK_NOTICE = '告知前台：新来访者已建档';
const visitor = { name: '林晓溪', contact: '13955556666', concern: '最近和家人总是吵架，想学会好好沟通。' };

const processRows = (page: Page) =>
  page.getByRole('table', { name: '流程定义的所有版本' }).getByRole('row').filter({ hasText: BOOKING });
const canvasStep = (page: Page, name: string) =>
  page.getByRole('region', { name: '流程图' }).getByRole('button', { name, exact: true });

/**
 * The front desk opens the matching step, reads the ranking and its reasons, books the counselor
 * at the time proposed and hands over the card; returns what her entry said of booked sessions.
 */
async function matchWithHer(page: Page, screenshot: string): Promise<string> {
  await openStep(page, '匹配咨询师并预约首次咨询');
  await page.getByRole('heading', { level: 1, name: '匹配咨询师并预约首次咨询' }).waitFor();
  await page.getByText(`为 ${visitor.name} 排序咨询师`).waitFor();
  await page.getByText(`服务：${SERVICE}（50 分钟）`).waitFor();
  const ranked = page.getByTestId('ranked-counselor');
  await ranked.first().getByText('第 1 位').waitFor();
  const her = ranked.filter({ hasText: counselor.name });
  await her.getByText(/在案个案 \d+ 个/).waitFor();
  await her.getByText(/有 \d+ 个空闲时段/).waitFor();
  await her.getByText(/^来访者希望的时间(有|没)空$/).waitFor();
  await her.getByText(/^建议时间：/).waitFor();
  // The wish opened from the sealed request, matched against the profile the admin kept.
  await her.getByText('能用英语咨询（来访者希望）').waitFor();
  await her.getByText('擅长来访者想聊的：家庭').waitFor();
  const booked = (await her.getByText(/已约 \d+ 次咨询/).textContent()) ?? '';
  await page.getByRole('radio', { name: `选择 ${counselor.name}` }).check();
  const slot = page.getByLabel('首次咨询时间');
  await expect.poll(() => slot.inputValue()).not.toBe('');
  await saveScreenshot(page, screenshot);
  await page.getByRole('button', { name: '预约并转交联系卡' }).click();
  await page.getByText('此步骤已完成。').waitFor();
  return booked;
}

async function bookingStatus(page: Page): Promise<string> {
  await goTo(page, '预约');
  const request = page.getByTestId('booking-request').filter({ hasText: visitor.name });
  await request.waitFor();
  return request.getByLabel('状态').inputValue();
}

describe('a new client’s booking runs through the booking process', () => {
  let browser: Browser;
  let website: Awaited<ReturnType<typeof serveWebsite>> | undefined;
  let websiteUrl: string;
  let visitorTab: OpenedPage;
  let adminTab: OpenedPage;
  let deskTab: OpenedPage;
  let counselorTab: OpenedPage;
  let bookedBefore = '';
  /** Everything the staff's browsers sent: the visitor's words must be in none of it. */
  const sent: string[] = [];

  beforeAll(async () => {
    await openTheSchedule(baseURL, admin, { name: SERVICE, feeCents: 50000 }, counselor.name);
    website = await serveWebsite(baseURL);
    websiteUrl = website.url;
    browser = await launchChromium();
    visitorTab = await openPage(browser, websiteUrl, 'laptop');
    adminTab = await openPage(browser, baseURL, 'laptop');
    deskTab = await openPage(browser, baseURL, 'laptop');
    counselorTab = await openPage(browser, baseURL, 'laptop');
    for (const tab of [deskTab, counselorTab]) {
      tab.page.on('request', (request) => sent.push(request.url(), request.postData() ?? ''));
    }
  });

  afterAll(async () => {
    for (const tab of [visitorTab, adminTab, deskTab, counselorTab]) await tab?.close();
    await browser?.close();
    await website?.close();
  });

  it('has the admin publish the booking process with a step of the center’s own added', async () => {
    const { page, problems } = adminTab;
    await logIn(page, admin);
    await goTo(page, '流程');
    const install = page.getByRole('button', { name: '安装并发布“新来访者预约”' });
    await page.getByRole('table', { name: '流程定义的所有版本' }).or(install).first().waitFor();
    if (await install.isVisible()) await install.click();
    const published = processRows(page).filter({ hasText: '已发布' });
    await published.waitFor();
    const version = Number(await published.getByRole('cell').nth(1).textContent());

    // The front desk hears when a new client's case is open: a notification before the end.
    await published.getByRole('link', { name: BOOKING }).click();
    await page.getByRole('button', { name: '编辑为新版本' }).click();
    await canvasStep(page, `${COUNSELOR_NOTICE} (通知)`).click();
    await page.getByRole('button', { name: '添加通知' }).click();
    const added = page.getByRole('region', { name: '步骤属性：通知' });
    await added.getByLabel('步骤名称').fill(DESK_NOTICE);
    await added.getByLabel('指派方式').selectOption({ label: '按角色' });
    await added.getByLabel('角色').selectOption({ label: '前台' });
    await added.getByLabel('连接到').selectOption({ label: '结束' });
    await added.getByRole('button', { name: '连接', exact: true }).click();
    await canvasStep(page, `${COUNSELOR_NOTICE} (通知)`).click();
    const notice = page.getByRole('region', { name: '步骤属性：通知' });
    await notice.getByRole('button', { name: '断开到“结束”的连接' }).click();
    await notice.getByLabel('连接到').selectOption({ label: `${DESK_NOTICE} (通知)` });
    await notice.getByRole('button', { name: '连接', exact: true }).click();
    await page.getByRole('region', { name: '检查结果' }).getByText('流程完整，可以保存和发布。').waitFor();
    await saveScreenshot(page, 'booking-00-designer');
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText(`已发布第 ${version + 1} 版。新的实例将按此版本运行。`).waitFor();
    expect(problems).toEqual(noProblems);
  });

  it('has the admin note in Settings/Users what the counselor counsels in', async () => {
    const { page, problems } = adminTab;
    await goTo(page, '用户与邀请');
    await page.getByRole('button', { name: `编辑资料 · ${counselor.name}` }).click();
    const dialog = modal(page);
    await dialog.getByRole('heading', { name: `${counselor.name} 的咨询师资料` }).waitFor();
    for (const choice of ['普通话', '英语', '家庭']) await dialog.getByText(choice, { exact: true }).click();
    await expect.poll(() => dialog.getByLabel('英语').isChecked()).toBe(true);
    await saveScreenshot(page, 'booking-00b-profile');
    await dialog.getByRole('button', { name: '保存资料' }).click();
    await page.getByText(`已保存 ${counselor.name} 的咨询师资料。`).waitFor();
    expect(problems).toEqual(noProblems);
  });

  it('lets a visitor book on the center’s website, sealed in their browser', async () => {
    const { page, problems } = visitorTab;
    await page.goto(`${websiteUrl}/?utm_source=wechat`);
    const widget = page.frameLocator('iframe[title="Booking"]');
    await widget.getByRole('heading', { name: '预约咨询' }).waitFor();
    await widget.getByLabel('咨询服务').selectOption({ label: SERVICE });
    const slot = widget.getByLabel('希望的时间');
    await slot.locator('option').nth(1).waitFor({ state: 'attached' });
    await slot.selectOption((await slot.locator('option').nth(1).getAttribute('value')) ?? '');
    await widget.getByLabel('称呼').fill(visitor.name);
    await widget.getByLabel('联系方式（手机、微信或邮箱）').fill(visitor.contact);
    await widget.getByLabel('想聊的困扰（可选）').fill(visitor.concern);
    await widget.getByLabel('希望使用的语言').selectOption({ label: '英语' });
    await widget.getByText('家庭', { exact: true }).click();
    await widget.getByRole('button', { name: '提交预约申请' }).click();
    await widget.getByText('已收到你的申请').waitFor();
    expect(problems).toEqual(noProblems);
  });

  it('has the front desk open the sealed request and register the client', async () => {
    const { page, problems } = deskTab;
    await logIn(page, frontDesk);
    expect(await bookingStatus(page)).toBe('new');
    await openStep(page, '初筛预约申请');
    await page.getByRole('heading', { level: 1, name: '初筛预约申请' }).waitFor();
    const opened = page.getByTestId('opened-request');
    await opened.getByText(visitor.name).waitFor();
    await opened.getByText(visitor.concern).waitFor();
    await opened.getByTestId('request-preferences').getByText('语言：英语 · 方面：家庭').waitFor();
    await page.getByText('来源：wechat').waitFor();
    // The card starts from the request: the visitor's name, and the number as the phone.
    expect(await page.getByLabel('姓名').inputValue()).toBe(visitor.name);
    expect(await page.getByLabel('电话', { exact: true }).inputValue()).toBe(visitor.contact);
    await saveScreenshot(page, 'booking-01-screening');
    await page.getByRole('button', { name: '登记来访者并通过初筛' }).click();
    await page.getByText('此步骤已完成。').waitFor();
    expect(await bookingStatus(page)).toBe('screening');
    expect(problems).toEqual(noProblems);
  });

  it('ranks the counselors with reasons, books the first session and hands over the card', async () => {
    const { page, problems } = deskTab;
    bookedBefore = await matchWithHer(page, 'booking-02-matching');
    expect(await bookingStatus(page)).toBe('scheduled');
    expect(problems).toEqual(noProblems);
  });

  it('lets the counselor decline: the session is cancelled and the client goes back to matching', async () => {
    const { page, problems } = counselorTab;
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    await openStep(page, '确认新来访者并建立个案');
    await page.getByTestId('step-client').getByText(visitor.name).waitFor();
    await page.getByRole('button', { name: '无法接待，退回前台重新匹配' }).click();
    await page.getByText('此步骤已完成。').waitFor();
    expect(problems).toEqual(noProblems);

    // Matched again: the cancelled session no longer counts, and the card is hers already.
    const desk = deskTab.page;
    expect(await matchWithHer(desk, 'booking-02b-matched-again')).toBe(bookedBefore);
    expect(await bookingStatus(desk)).toBe('scheduled');
    expect(deskTab.problems).toEqual(noProblems);
  });

  it('has the counselor confirm and open the case, the step shown in English too', async () => {
    const { page, problems } = counselorTab;
    await openStep(page, '确认新来访者并建立个案');
    await page.getByRole('heading', { level: 1, name: '确认新来访者并建立个案' }).waitFor();
    await page.getByTestId('step-client').getByText(visitor.name).waitFor();
    await page.getByText(SERVICE).waitFor();
    await saveScreenshot(page, 'booking-03-confirm');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confirm the new client and open the case' }).waitFor();
    await page.getByTestId('step-client').getByText(visitor.name).waitFor();
    await saveScreenshot(page, 'booking-03b-confirm-en');
    await page.getByRole('button', { name: '中文' }).click();

    await page.getByRole('button', { name: '确认并建立个案' }).click();
    await page.getByText('此步骤已完成。').waitFor();
    await page.getByRole('link', { name: '打开个案' }).click();
    await page.getByText('已验证：0 条记录，日志完整').waitFor();
    await page.getByText(visitor.contact).first().waitFor();
    await saveScreenshot(page, 'booking-04-case-opened');

    // The profile the admin kept is hers to keep too.
    await page.getByRole('button', { name: /用户菜单/ }).click();
    await page.getByRole('menuitem', { name: '咨询师资料' }).click();
    await page.getByRole('heading', { level: 1, name: '我的咨询师资料' }).waitFor();
    await expect.poll(() => page.getByLabel('英语').isChecked()).toBe(true);
    await page.getByText('粤语', { exact: true }).click();
    await page.getByRole('button', { name: '保存资料' }).click();
    await page.getByText('资料已保存。').waitFor();
    expect(problems).toEqual(noProblems);
  });

  it('has the front desk tell the client; the counselor, then the front desk, hear of it', async () => {
    const { page, problems } = deskTab;
    await openStep(page, '告知来访者预约时间');
    await page.getByRole('heading', { level: 1, name: '告知来访者预约结果' }).waitFor();
    await page.getByText(visitor.contact).waitFor();
    await page.getByText(counselor.name).waitFor();
    await saveScreenshot(page, 'booking-05-notify');
    await page.getByRole('button', { name: '已告知来访者' }).click();
    await page.getByText('此步骤已完成。').waitFor();
    expect(await bookingStatus(page)).toBe('scheduled');
    expect(problems).toEqual(noProblems);

    const counselorPage = counselorTab.page;
    await counselorPage.getByRole('button', { name: /^通知/ }).click();
    await counselorPage.getByText(COUNSELOR_NOTICE_ZH).first().waitFor();
    await saveScreenshot(counselorPage, 'booking-06-counselor-notice');

    // The step the admin added: this request ran through the new version.
    await page.getByRole('button', { name: /^通知/ }).click();
    await page.getByText(DESK_NOTICE).first().waitFor();

    // Opened, shown and registered in the browsers, yet never sent anywhere in the clear.
    expect(sent.length).toBeGreaterThan(0);
    for (const secret of Object.values(visitor)) expect(sent.join('\n')).not.toContain(secret);
  });
});
