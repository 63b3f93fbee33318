import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin, frontDesk } from './center';
import { goTo, logIn } from './steps';
import { openTheSchedule, serveWebsite } from './website';

/**
 * Issue 10's widget end to end: a page on another origin (the center's website, served here from
 * a port of its own) pastes the script tag; the visitor picks a service and a free time and sends
 * a request that their browser seals to the front-desk key; the front desk (7-front-desk made its
 * key) reads it decrypted on /bookings, with the campaign source the website passed along.
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
/** Its own name: 6-schedule already made the center's usual individual service. */
const WIDGET_SERVICE = '网络预约 · 初次咨询 50 分钟';
const visitor = { name: '陈小雨', contact: '13911112222', concern: '换了新工作以后总是失眠，想找人聊聊。' };

describe('the booking widget on the center’s website', () => {
  let browser: Browser;
  let website: Awaited<ReturnType<typeof serveWebsite>> | undefined;
  let websiteUrl: string;
  let visitorTab: OpenedPage;
  let deskTab: OpenedPage;

  beforeAll(async () => {
    await openTheSchedule(baseURL, admin, { name: WIDGET_SERVICE, feeCents: 60000 });
    website = await serveWebsite(baseURL);
    websiteUrl = website.url;
    browser = await launchChromium();
    visitorTab = await openPage(browser, websiteUrl, 'laptop');
    deskTab = await openPage(browser, baseURL, 'laptop');
  });

  afterAll(async () => {
    await visitorTab?.close();
    await deskTab?.close();
    await browser?.close();
    await website?.close();
  });

  it('lets a visitor on another origin pick a service and a free time and send a sealed request', async () => {
    const { page, problems } = visitorTab;
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') sent.push(request.postData() ?? '');
    });
    await page.goto(`${websiteUrl}/?utm_source=newsletter&utm_campaign=autumn`);
    expect(new URL(page.url()).origin).not.toBe(new URL(baseURL).origin);
    const widget = page.frameLocator('iframe[title="Booking"]');
    await widget.getByRole('heading', { name: '预约咨询' }).waitFor();

    await widget.getByLabel('咨询服务').selectOption({ label: WIDGET_SERVICE });
    const slot = widget.getByLabel('希望的时间');
    await slot.locator('option').nth(1).waitFor({ state: 'attached' });
    const chosen = (await slot.locator('option').nth(1).getAttribute('value')) ?? '';
    await slot.selectOption(chosen);
    await widget.getByLabel('称呼').fill(visitor.name);
    await widget.getByLabel('联系方式（手机、微信或邮箱）').fill(visitor.contact);
    await widget.getByLabel('想聊的困扰（可选）').fill(visitor.concern);
    await saveScreenshot(page, 'widget-01-filled');
    await widget.getByRole('button', { name: '提交预约申请' }).click();
    await widget.getByText('已收到你的申请').waitFor();
    await saveScreenshot(page, 'widget-02-sent');

    // What left the visitor's browser: the slot and the campaign in the clear, the rest sealed.
    const [body] = sent.map((text) => JSON.parse(text));
    expect(body).toMatchObject({
      slotStart: Number(chosen),
      channel: 'website',
      utm: { source: 'newsletter', campaign: 'autumn' },
    });
    for (const value of Object.values(visitor)) expect(sent.join('')).not.toContain(value);
    expect(problems).toEqual(noProblems);
  });

  it('shows the front desk the request, decrypted in its browser, with its source', async () => {
    const { page, problems } = deskTab;
    await logIn(page, frontDesk);
    await goTo(page, '预约');
    const request = page.getByTestId('booking-request').filter({ hasText: visitor.name });
    await request.waitFor();
    await request.getByText(visitor.contact).waitFor();
    await request.getByText(visitor.concern).waitFor();
    await request.getByText('来源：newsletter').waitFor();
    await request.getByText(WIDGET_SERVICE).waitFor();

    await request.getByLabel('状态').selectOption({ label: '初筛中' });
    await page.getByRole('button', { name: '刷新' }).click();
    await expect.poll(() => request.getByLabel('状态').inputValue()).toBe('screening');
    await saveScreenshot(page, 'widget-03-front-desk');
    expect(problems).toEqual(noProblems);
  });
});
