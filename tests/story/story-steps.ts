import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { signStandardWebhook } from '../../worker/webhook-signatures';
import { saveScreenshot } from '../e2e/browser';

/** What the story does beside a person's clicks: pictures in both languages, the clock, a provider. */

/**
 * The whole page in one picture: the viewport grows to the page's height first, so what the
 * browser paints only on screen (content-visibility, the widget's cross-origin frame) and what is
 * fixed to the viewport (the top bar) show where a person would see them.
 */
async function saveWholePage(page: Page, name: string) {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('the page has no viewport');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(Math.max(height, viewport.height), 8000),
  });
  await saveScreenshot(page, `story/${name}`);
  await page.setViewportSize(viewport);
}

/**
 * Saves `test-results/story/<name>.zh-CN.png`, switches the page to English with the locale
 * switch, waits for `english` (a text only the English page shows) and saves `<name>.en.png`,
 * then switches back to Chinese. The keys stay in memory: the switch does not reload the page.
 * `reopen` brings back what the click on the switch closed (a popover), in the new language.
 */
export async function shootBothLanguages(
  page: Page,
  name: string,
  english: string | RegExp,
  reopen?: (page: Page) => Promise<unknown>,
) {
  await saveWholePage(page, `${name}.zh-CN`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: '中文' }).waitFor();
  await reopen?.(page);
  await page.getByText(english).first().waitFor();
  await saveWholePage(page, `${name}.en`);
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: 'English' }).waitFor();
}

/** The page at `url` as it stands, in one picture (a page without the app's locale switch). */
export function shootPage(page: Page, name: string) {
  return saveWholePage(page, name);
}

const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** The first whole hour at or after `from` that is 09:00 at the center (Asia/Shanghai, the default). */
export function nineInTheMorningAfter(from: number): number {
  let at = Math.ceil(from / HOUR_MS) * HOUR_MS;
  const hourAtCenter = (ms: number) =>
    Number(
      new Intl.DateTimeFormat('en-GB', {
        hour: '2-digit',
        hourCycle: 'h23',
        timeZone: 'Asia/Shanghai',
      }).format(ms),
    );
  while (hourAtCenter(at) !== 9) at += HOUR_MS;
  return at;
}

/** Opens the bell until a notification saying `text` is there (the panel reloads on each opening). */
export async function findNotice(page: Page, text: string, bell: RegExp = /^通知/): Promise<Locator> {
  const panel = page.locator('.notification-panel');
  const notice = panel.locator('.notification').filter({ hasText: text }).first();
  await expect
    .poll(async () => {
      if (!(await panel.isVisible())) {
        await page.getByRole('button', { name: bell }).click();
        return false;
      }
      if (await notice.isVisible()) return true;
      await page.keyboard.press('Escape');
      return false;
    })
    .toBe(true);
  return notice;
}

/** A payment provider's callback, signed as Standard Webhooks with the deployment's secret. */
export async function sendPaymentCallback(
  baseURL: string,
  secret: string,
  event: { id: string; type: 'payment.succeeded'; data: Record<string, unknown> },
  signWith = secret,
): Promise<Response> {
  const body = JSON.stringify(event);
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(`${baseURL}/api/hooks/payments/standard`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'webhook-id': event.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signStandardWebhook(signWith, event.id, timestamp, body),
    },
    body,
  });
}
