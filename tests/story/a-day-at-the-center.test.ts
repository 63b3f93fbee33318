import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage } from '../e2e/browser';
import { admin, counselor, frontDesk, supervisor } from '../e2e/center';
import { answerPhq9, fileSubmission, makeLink, openLink, submitPortalForm } from '../e2e/portal-steps';
import { bringIn, drawSignature, goTo, inboxRow, logIn, openStep, writeSessionNote } from '../e2e/steps';
import { openTheSchedule, serveWebsite } from '../e2e/website';
import { type CronClock, startCronClock } from './cron-clock';
import {
  DAY_MS,
  findNotice,
  nineInTheMorningAfter,
  sendPaymentCallback,
  shootBothLanguages,
  shootPage,
} from './story-steps';

/**
 * Issue 13: one day of a center told end to end on a fresh instance, in the order it lives it.
 * Setup → staff → forms → a booking from the website → screening and matching → an appointment →
 * consent through a portal link → session notes → PHQ-9 trend → supervision report and review →
 * temporary supervisor access and its expiry → the 30-day rule → a payment callback → reports →
 * the audit chain. Each step asserts what a person sees and leaves a picture in zh-CN and in en
 * (test-results/story/). Time-bound steps fire the Cron Trigger at a chosen time; nothing waits.
 */

const baseURL = inject('baseURL');
const paymentWebhookSecret = inject('paymentWebhookSecret');
const stateDir = inject('stateDir');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
const SERVICE = '个体咨询 50 分钟';
const FEE_CENTS = 50_000;
const visitor = { name: '林晓溪', contact: '13955556666', concern: '最近和家人总是吵架，想学会好好沟通。' };
const CONCEPTUALIZATION = '来访者的家庭冲突与沟通方式有关，需要督导讨论的个案概念化';

describe('a day at the center, from setup to a verified audit trail', () => {
  let browser: Browser;
  let website: Awaited<ReturnType<typeof serveWebsite>> | undefined;
  let adminTab: OpenedPage;
  let counselorTab: OpenedPage;
  let supervisorTab: OpenedPage;
  let deskTab: OpenedPage;
  let visitorTab: OpenedPage;
  let phone: OpenedPage;
  let caseLabel = '';
  let deliveredAt = 0;
  let clock: CronClock | undefined;

  beforeAll(async () => {
    website = await serveWebsite(baseURL);
    browser = await launchChromium();
    adminTab = await openPage(browser, baseURL, 'laptop');
    counselorTab = await openPage(browser, baseURL, 'laptop');
    supervisorTab = await openPage(browser, baseURL, 'laptop');
    deskTab = await openPage(browser, baseURL, 'laptop');
    visitorTab = await openPage(browser, website.url, 'laptop');
    phone = await openPage(browser, baseURL, 'phone');
  });

  afterAll(async () => {
    for (const tab of [adminTab, counselorTab, supervisorTab, deskTab, visitorTab, phone]) await tab?.close();
    await browser?.close();
    await website?.close();
    await clock?.stop();
  });

  it('01 sets the center up: keys made in the browser, recovery shares printed once', async () => {
    const { page } = adminTab;
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: '创建您的机构' }).waitFor();
    await page.getByLabel('机构名称').fill('心晴心理咨询中心');
    await page.getByRole('button', { name: '继续' }).click();
    await page.getByLabel('姓名').fill(admin.name);
    await page.getByLabel('电子邮箱').fill(admin.email);
    await page.getByLabel('口令', { exact: true }).fill(admin.passphrase);
    await page.getByLabel('再次输入口令').fill(admin.passphrase);
    await page.getByRole('button', { name: '继续' }).click();
    await page.getByRole('button', { name: '创建机构' }).click();
    await page.getByRole('heading', { name: '打印并保管恢复材料' }).waitFor();
    for (const index of [1, 2, 3]) await page.getByText(`恢复份额 ${index} / 3`).waitFor();
    await shootBothLanguages(page, '01-setup', 'Recovery share 1 of 3');
    await page.getByText('我已打印或妥善保存以上内容').click();
    await page.getByRole('button', { name: '进入默契' }).click();
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '用户与邀请' })
      .waitFor();
  });

  it('02 invites the staff, certifies their keys, makes the front-desk key, names a supervisor', async () => {
    const { page } = adminTab;
    await bringIn(page, counselorTab.page, counselor, '咨询师');
    await bringIn(page, supervisorTab.page, supervisor, '督导');
    await bringIn(page, deskTab.page, frontDesk, '前台');
    await page.getByRole('button', { name: '建立前台密钥' }).click();
    await page.getByText('前台密钥已建立，并已加密给每位前台成员。').waitFor();
    await page.getByLabel(`${counselor.name} 的督导`).selectOption({ label: supervisor.name });
    await page.getByText(`已将 ${supervisor.name} 指定为 ${counselor.name} 的督导。`).waitFor();
    await page.getByText('没有等待认证的密钥。').waitFor();
    await shootBothLanguages(page, '02-staff', 'Users & invitations');
  });

  it('03 publishes the forms, the booking and supervision processes and the shipped rules', async () => {
    const { page } = adminTab;
    await goTo(page, '表单');
    await page.getByRole('button', { name: '安装“知情同意书”' }).click();
    await page.getByText('已安装 informed-consent@1。').waitFor();
    await page.getByRole('button', { name: '安装“督导报告”' }).click();
    await page.getByText('已安装 supervision-report@1。').waitFor();
    await page
      .getByRole('row', { name: /知情同意书/ })
      .getByText('第 1 版')
      .waitFor();
    await shootBothLanguages(page, '03-forms', 'Informed consent');

    await goTo(page, '流程');
    const rows = page.getByRole('table', { name: '流程定义的所有版本' }).getByRole('row');
    for (const [name, row] of [
      ['新来访者预约', '新来访者预约 New client booking'],
      ['督导', '督导 Supervision'],
    ] as const) {
      await page.getByRole('button', { name: `安装并发布“${name}”` }).click();
      await rows.filter({ hasText: row }).filter({ hasText: '已发布' }).waitFor();
    }
    await goTo(page, '规则');
    await page.getByRole('button', { name: '安装预置规则' }).click();
    await page.getByText('已安装 4 条预置规则。').waitFor();
    await page
      .getByRole('table', { name: '本机构的规则' })
      .getByRole('cell', { name: '活跃个案 30 天无记录', exact: true })
      .waitFor();
  });

  it('04 takes a booking from the widget on the center’s website, sealed in the visitor’s browser', async () => {
    await openTheSchedule(baseURL, admin, { name: SERVICE, feeCents: FEE_CENTS }, counselor.name);
    const { page } = visitorTab;
    await page.goto('/?utm_source=wechat');
    const widget = page.frameLocator('iframe[title="Booking"]');
    await widget.getByRole('heading', { name: '预约咨询' }).waitFor();
    await widget.getByLabel('咨询服务').selectOption({ label: SERVICE });
    const slot = widget.getByLabel('希望的时间');
    await slot.locator('option').nth(1).waitFor({ state: 'attached' });
    await slot.selectOption((await slot.locator('option').nth(1).getAttribute('value')) ?? '');
    await widget.getByLabel('称呼').fill(visitor.name);
    await widget.getByLabel('联系方式（手机、微信或邮箱）').fill(visitor.contact);
    await widget.getByLabel('想聊的困扰（可选）').fill(visitor.concern);
    await shootPage(page, '04-booking-widget.zh-CN');
    await widget.getByRole('button', { name: '提交预约申请' }).click();
    await widget.getByText('已收到你的申请').waitFor();

    // The same widget as an English-speaking visitor sees it.
    await page.goto('/?lang=en');
    await page
      .frameLocator('iframe[title="Booking"]')
      .getByRole('heading', { name: 'Book a session' })
      .waitFor();
    await shootPage(page, '04-booking-widget.en');
  });

  it('05 has the front desk screen the sealed request and match a counselor with reasons', async () => {
    const { page } = deskTab;
    await logIn(page, frontDesk);
    await openStep(page, '初筛预约申请');
    const opened = page.getByTestId('opened-request');
    await opened.getByText(visitor.name).waitFor();
    await opened.getByText(visitor.concern).waitFor();
    await page.getByText('来源：wechat').waitFor();
    expect(await page.getByLabel('姓名').inputValue()).toBe(visitor.name);
    await shootBothLanguages(page, '05a-screening', 'source: wechat');
    await page.getByRole('button', { name: '登记来访者并通过初筛' }).click();
    await page.getByText('此步骤已完成。').waitFor();

    await openStep(page, '匹配咨询师并预约首次咨询');
    await page.getByText(`为 ${visitor.name} 排序咨询师`).waitFor();
    const her = page.getByTestId('ranked-counselor').filter({ hasText: counselor.name });
    await her.getByText('第 1 位').waitFor();
    await her.getByText(/^建议时间：/).waitFor();
    await shootBothLanguages(page, '05b-matching', 'Suggested time:');
    await page.getByRole('radio', { name: `选择 ${counselor.name}` }).check();
    await expect.poll(() => page.getByLabel('首次咨询时间').inputValue()).not.toBe('');
    await page.getByRole('button', { name: '预约并转交联系卡' }).click();
    await page.getByText('此步骤已完成。').waitFor();
  });

  it('06 has the counselor confirm the appointment and open the case; the client is told', async () => {
    const { page } = counselorTab;
    await logIn(page, counselor);
    await openStep(page, '确认新来访者并建立个案');
    await page.getByRole('heading', { level: 1, name: '确认新来访者并建立个案' }).waitFor();
    await page.getByTestId('step-client').getByText(visitor.name).waitFor();
    await page.getByText(SERVICE).waitFor();
    await shootBothLanguages(page, '06-appointment', 'Confirm the new client and open the case');
    await page.getByRole('button', { name: '确认并建立个案' }).click();
    await page.getByText('此步骤已完成。').waitFor();
    await page.getByRole('link', { name: '打开个案' }).click();
    await page.getByText('已验证：0 条记录，日志完整').waitFor();
    await page.getByText(visitor.contact).first().waitFor();
    caseLabel = `个案 ${(new URL(page.url()).pathname.split('/')[2] ?? '').slice(0, 8).toUpperCase()}`;

    const desk = deskTab.page;
    await openStep(desk, '告知来访者预约时间');
    await desk.getByText(visitor.contact).waitFor();
    await desk.getByRole('button', { name: '已告知来访者' }).click();
    await desk.getByText('此步骤已完成。').waitFor();
  });

  it('07 gets the client’s consent, signed on a phone through a one-time portal link', async () => {
    const link = await makeLink(counselorTab.page, '知情同意书');
    const { page } = phone;
    await openLink(page, link);
    await page.getByRole('heading', { level: 1, name: '知情同意书' }).waitFor();
    await page.getByText('我已了解保密原则及其例外', { exact: true }).click();
    await page.getByText('我了解咨询记录会加密保存，只有我的咨询师能够阅读', { exact: true }).click();
    await page.getByLabel('来访者姓名').fill(visitor.name);
    await drawSignature(page, page.getByRole('img', { name: /签名区域/ }));
    await page.getByRole('img', { name: '来访者签名（已签名）' }).waitFor();
    await page.getByLabel('签署日期').fill('2026-11-20');
    await shootBothLanguages(page, '07a-consent-on-phone', 'Informed consent');
    await page.getByRole('img', { name: '来访者签名（已签名）' }).waitFor();
    await submitPortalForm(page);

    const counselorPage = counselorTab.page;
    await fileSubmission(counselorPage, '来访者提交于');
    await counselorPage.getByText('已验证：1 条记录，日志完整').waitFor();
    const record = counselorPage.locator('.record-card').filter({ hasText: '知情同意书' });
    await record.getByText('来访者填写（门户）').waitFor();
    await record.getByRole('img', { name: '来访者签名（已签名）' }).waitFor();
    await shootBothLanguages(counselorPage, '07b-consent-filed', 'Verified: 1 record, log intact');
  });

  it('08 starts counseling: the case becomes active, session notes are written and verified', async () => {
    const { page } = counselorTab;
    await page.getByRole('button', { name: '改为「进行中」' }).click();
    await page.getByText('个案状态已改为「进行中」。').waitFor();
    const notes = ['首次会谈：了解家庭冲突的经过', '练习了非暴力沟通的表达方式'];
    for (const [index, text] of notes.entries()) {
      await writeSessionNote(page, index + 1, text);
      await page.getByText(`已验证：${index + 2} 条记录，日志完整`).waitFor();
      await page.getByText(text).waitFor();
    }
    await shootBothLanguages(page, '08-session-notes', 'Verified: 3 records, log intact');
  });

  it('09 charts the PHQ-9 totals the client sent from the phone', async () => {
    for (const [answers, date, summary] of [
      [[2, 2, 2, 2, 2, 2, 1, 2, 0], '2026-11-12', '总分 15（中重度）'],
      [[1, 1, 1, 1, 1, 1, 0, 1, 0], undefined, '总分 7（轻度）'],
    ] as const) {
      const link = await makeLink(counselorTab.page);
      await answerPhq9(phone.page, link, [...answers], date);
      await submitPortalForm(phone.page);
      await fileSubmission(counselorTab.page, summary);
    }
    const { page } = counselorTab;
    await page.getByText('已验证：5 条记录，日志完整').waitFor();
    const chart = page.getByRole('figure', { name: /PHQ-9 总分/ });
    await chart.getByText('最近一次：7 分（轻度）', { exact: false }).waitFor();
    expect(await chart.locator('circle').count()).toBe(2);
    await shootBothLanguages(page, '09-phq9-trend', 'Verified: 5 records, log intact');
  });

  it('10 runs supervision: the counselor’s report, the supervisor’s access and review', async () => {
    const { page } = counselorTab;
    const processes = page.getByRole('region', { name: '流程' });
    await processes.getByRole('button', { name: '申请督导' }).click();
    await processes.getByText('已发起“督导”，下一步已在待办中。').waitFor();
    await goTo(page, '任务');
    await page.getByRole('link', { name: '填写表单 提交督导报告' }).click();
    const form = page.locator('form.record-editor');
    await form.getByLabel('督导日期', { exact: true }).fill('2026-11-20');
    await form.getByText('个体督导', { exact: true }).click();
    await form.getByLabel('时长（分钟）').fill('60');
    await form.getByLabel('个案概念化').fill(CONCEPTUALIZATION);
    await form.getByLabel('希望在督导中讨论的问题').fill('如何帮助来访者在冲突中表达需要');
    await form.getByRole('button', { name: '保存记录' }).click();
    await inboxRow(page, '提交督导报告').getByText('已完成').waitFor();

    const supervising = supervisorTab.page;
    await logIn(supervising, supervisor);
    await openStep(supervising, '申请临时访问个案');
    await supervising.getByLabel('给主咨询师的附言（加密，仅对方可读）').fill('下次督导会讨论这份报告');
    await supervising.getByRole('button', { name: '申请访问' }).click();
    await supervising.getByText('此步骤已完成。').waitFor();

    await goTo(page, '我的个案');
    await openStep(page, '向督导开放个案的临时访问');
    await page.getByText(`${supervisor.name} 申请只读访问 7 天（督导）`).waitFor();
    await page.getByRole('button', { name: '批准' }).click();
    await page.getByText(/现在交付，访问将于 .+ 到期。/).waitFor();
    await page.getByRole('button', { name: '交付密钥' }).click();
    await page.getByText('此步骤已完成。').waitFor();
    deliveredAt = Date.now();

    await goTo(supervising, '与我共享的个案');
    await supervising.getByRole('link', { name: caseLabel }).click();
    await supervising.getByText('已验证：6 条记录，日志完整').waitFor();
    await supervising.getByText(CONCEPTUALIZATION).waitFor();
    await supervising.getByText('您对此个案只有读取权限。').waitFor();
    await shootBothLanguages(supervising, '10a-supervisor-reads', 'Verified: 6 records, log intact');
    await goTo(supervising, '任务');
    await supervising.getByRole('button', { name: '批准 审阅并给出督导意见' }).click();
    await inboxRow(supervising, '审阅并给出督导意见')
      .getByText(/已批准|已完成/)
      .waitFor();
    await shootBothLanguages(supervising, '10b-review-approved', 'Tasks');
  });

  it('11 warns both sides a day before the supervisor’s temporary access ends', async () => {
    // The grant lasts 7 days: the scan as the clock would run it 12 hours before its end.
    clock = await startCronClock(stateDir);
    await clock.fireAt(deliveredAt + 7 * DAY_MS - 12 * 60 * 60 * 1000);
    const { page } = supervisorTab;
    const notice = await findNotice(page, '授权 24 小时内到期');
    await notice.getByText(/授权即将到期/).waitFor();
    await shootBothLanguages(page, '11-access-expiring', 'Access grant expiring', (english) =>
      findNotice(english, '授权 24 小时内到期', /^Notifications/),
    );
    await page.keyboard.press('Escape');
    await findNotice(counselorTab.page, '授权 24 小时内到期');
    await counselorTab.page.keyboard.press('Escape');
  });

  it('12 reminds the counselor and the supervisor of a case without a record for 30 days', async () => {
    // The daily scan at 09:00 at the center, 31 days on: the last record is 31 days old by then.
    await clock?.fireAt(nineInTheMorningAfter(Date.now() + 31 * DAY_MS));
    await clock?.stop();
    clock = undefined;
    const { page } = counselorTab;
    const notice = await findNotice(page, '活跃个案 30 天无记录');
    await notice.getByText(/定时检查/).waitFor();
    await shootBothLanguages(page, '12-thirty-day-rule', 'Scheduled check', (english) =>
      findNotice(english, '活跃个案 30 天无记录', /^Notifications/),
    );
    await page.keyboard.press('Escape');
    await findNotice(supervisorTab.page, '活跃个案 30 天无记录');
    await supervisorTab.page.keyboard.press('Escape');

    const rules = adminTab.page;
    await goTo(rules, '规则');
    await rules.getByLabel('按规则筛选').selectOption({ label: '活跃个案 30 天无记录' });
    await rules.getByRole('table', { name: '最近的运行记录' }).getByText('发送通知: 完成').first().waitFor();
  });

  it('13 records a payment from the provider’s signed callback, and refuses a forged one', async () => {
    const event = {
      id: 'evt_story_0001',
      type: 'payment.succeeded' as const,
      data: { paymentId: 'till-story-0001', amount: FEE_CENTS, currency: 'CNY' },
    };
    const forged = await sendPaymentCallback(baseURL, paymentWebhookSecret, event, `whsec_${'A'.repeat(43)}`);
    expect(forged.status).toBe(401);
    const paid = await sendPaymentCallback(baseURL, paymentWebhookSecret, event);
    expect(await paid.json()).toEqual({ received: true, duplicate: false, outcome: 'recorded' });
    const again = await sendPaymentCallback(baseURL, paymentWebhookSecret, event);
    expect(await again.json()).toMatchObject({ received: true, duplicate: true });

    const { page } = adminTab;
    await goTo(page, '报表');
    await page.getByLabel('指标').selectOption('revenue');
    const kpi = page.getByTestId('report-kpi');
    await expect.poll(async () => Number((await kpi.textContent())?.replace(/[^\d.]/g, ''))).toBe(500);
    await shootBothLanguages(page, '13-payment-revenue', 'Reports');
  });

  it('14 shows it all in the reports: the new case, by counselor', async () => {
    const { page } = adminTab;
    await page.getByLabel('指标').selectOption('new_cases');
    await expect.poll(async () => Number(await page.getByTestId('report-kpi').textContent())).toBe(1);
    await page.getByLabel('分组').selectOption('counselor');
    await page.getByRole('img', { name: '新建个案 · 按咨询师' }).waitFor();
    await shootBothLanguages(page, '14-reports', 'Reports');
  });

  it('15 verifies the audit trail’s hash chain in the admin’s browser', async () => {
    const { page } = adminTab;
    await goTo(page, '审计日志');
    await page.getByRole('cell', { name: 'case.read' }).first().waitFor();
    await page.getByRole('button', { name: '验证哈希链' }).click();
    await page.getByText(/哈希链完整，已验证到第 \d+ 条。/).waitFor();
    await shootBothLanguages(page, '15-audit-verified', 'Audit log');
  });

  it('showed no console errors and no CSP violations along the way', () => {
    for (const tab of [adminTab, counselorTab, supervisorTab, deskTab, visitorTab, phone])
      expect(tab.problems).toEqual(noProblems);
  });
});
