import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeFindings, seriousViolations } from './accessibility';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { counselor } from './center';
import { goTo, logIn } from './steps';

/**
 * Issue 14's search in the browser: the counselor searches a Chinese phrase that is in one of
 * their notes (2-case-files: 睡眠困难，讨论了睡眠卫生) and in a conference message (10-conferences:
 * 来访者近两周睡眠明显变差…), sees both, and opens the note. No request the page makes carries
 * the query, and nothing of it is stored.
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
const phrase = '睡眠';
const noteText = '睡眠困难，讨论了睡眠卫生';

function carries(request: Request, text: string): boolean {
  const seen = `${request.url()} ${decodeURIComponent(request.url())} ${request.postData() ?? ''} ${JSON.stringify(request.headers())}`;
  return seen.includes(text) || seen.includes(encodeURIComponent(text));
}

describe('search', () => {
  let browser: Browser;
  let tab: OpenedPage;
  const requests: Request[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    tab = await openPage(browser, baseURL, 'laptop');
    tab.page.on('request', (request) => requests.push(request));
  });

  afterAll(async () => {
    await tab?.close();
    await browser?.close();
  });

  it('finds a Chinese phrase in a note and in a conference message, and opens the note', async () => {
    const { page } = tab;
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    await goTo(page, '搜索');
    await page.getByRole('heading', { level: 1, name: '搜索' }).waitFor();
    await page.getByText(/已为 \d+ 项内容建立索引/).waitFor();

    await page.getByLabel('搜索内容').fill(phrase);
    const notes = page.getByRole('region', { name: /^个案记录（\d+）$/ });
    const messages = page.getByRole('region', { name: /^会诊消息（\d+）$/ });
    await notes.locator('mark', { hasText: phrase }).first().waitFor();
    await messages.locator('mark', { hasText: phrase }).first().waitFor();
    const hit = notes.getByRole('listitem').filter({ hasText: noteText });
    await expect.poll(() => hit.locator('mark').allTextContents()).toEqual([phrase, phrase]);
    await saveScreenshot(page, 'search-01-results');
    expect(describeFindings('/search', await seriousViolations(page))).toEqual([]);

    await page.getByLabel('搜索内容').fill('"讨论了睡眠明显"');
    await page.getByText('没有找到与“"讨论了睡眠明显"”相关的内容。').waitFor();

    await page.getByLabel('搜索内容').fill(phrase);
    await hit.getByRole('link').click();
    await page.getByText(/已验证：\d+ 条记录，日志完整/).waitFor();
    await page.getByText(noteText).waitFor();
  });

  it('opens from the top bar with "/" and keeps the query out of the URL, the network and storage', async () => {
    const { page } = tab;
    await page.keyboard.press('/');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('搜索');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('讨论了睡眠卫生');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '搜索' }).waitFor();
    await page.getByRole('region', { name: '个案记录（1）' }).getByText('讨论了').waitFor();
    expect(page.url()).toMatch(/\/search$/);

    expect(requests.length).toBeGreaterThan(0);
    for (const text of [phrase, '讨论了睡眠卫生']) {
      expect(requests.filter((request) => carries(request, text)).map((request) => request.url())).toEqual(
        [],
      );
    }
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(phrase);
    expect(tab.problems).toEqual(noProblems);
  });

  it('reads in English too', async () => {
    const { page } = tab;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    await page.getByRole('region', { name: 'Case notes (1)' }).waitFor();
    await saveScreenshot(page, 'search-02-results-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 1, name: '搜索' }).waitFor();
  });
});
