import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin, counselor } from './center';
import { bringIn, goTo, logIn, modal } from './steps';

/**
 * Issue 14 in the browser: the knowledge base (知识库). The admin names a category and writes an
 * article in Markdown (raw HTML in it stays text), attaches a file in a second version; the
 * counselor finds it with the filter, reads both versions and downloads the file; a finance
 * colleague who joined later first lacks the staff key, gets it on a holder's next visit, reads,
 * and is offered no editing. Needs only 1-first-day (the admin, the counselor).
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
const run = Date.now().toString(36);
const category = `危机干预 ${run}`;
const title = `危机评估流程 ${run}`;
const scriptLine = "<script>alert('kb')</script>";
const body = `# 评估步骤\n\n- 评估自杀风险\n- 联系紧急联系人\n\n${scriptLine}\n`;
const referral = Buffer.from(Array.from({ length: 70_000 }, (_, index) => (index * 11 + 5) % 256));
const bookkeeper = {
  name: '赵会计',
  email: `zhao.finance.${run}@xinqing.example`,
  passphrase: '办公室窗台上的仙人掌已经开了两次花',
};

describe('the knowledge base', () => {
  let browser: Browser;
  let adminTab: OpenedPage;
  let counselorTab: OpenedPage;
  let financeTab: OpenedPage;

  beforeAll(async () => {
    browser = await launchChromium();
    adminTab = await openPage(browser, baseURL, 'laptop');
    counselorTab = await openPage(browser, baseURL, 'laptop');
    financeTab = await openPage(browser, baseURL, 'laptop');
  });

  afterAll(async () => {
    await adminTab?.close();
    await counselorTab?.close();
    await financeTab?.close();
    await browser?.close();
  });

  it('lets the admin name a category and write an article whose HTML stays text', async () => {
    const { page } = adminTab;
    await logIn(page, admin);
    await goTo(page, '知识库');
    await page.getByRole('heading', { level: 1, name: '知识库' }).waitFor();
    await page.getByRole('button', { name: '新建分类' }).click();
    const dialog = modal(page);
    await dialog.getByLabel('分类名称').fill(category);
    await dialog.getByRole('button', { name: '创建分类' }).click();
    await page.getByRole('button', { name: category, pressed: true }).waitFor();

    await page.getByRole('link', { name: '写新文章' }).click();
    await page.getByRole('heading', { level: 1, name: '写新文章' }).waitFor();
    await page.getByLabel('分类', { exact: true }).selectOption({ label: category });
    await page.getByLabel('标题', { exact: true }).fill(title);
    await page.getByLabel('正文（Markdown）').fill(body);
    await page.getByText('先保存文章，之后在编辑时即可添加附件。').waitFor();
    await page.getByRole('region', { name: '预览' }).getByRole('heading', { name: '评估步骤' }).waitFor();
    await saveScreenshot(page, 'knowledge-01-new-article');
    await page.getByRole('button', { name: '保存', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const article = page.locator('.knowledge-article__body');
    await article.getByRole('heading', { level: 2, name: '评估步骤' }).waitFor();
    await article.getByRole('listitem').filter({ hasText: '联系紧急联系人' }).waitFor();
    await article.getByText(scriptLine).waitFor();
    expect(await article.locator('script').count()).toBe(0);
    await page.getByText(/^第 1 版 · 周主任 于/).waitFor();
  });

  it('saves a second version with an encrypted attachment', async () => {
    const { page } = adminTab;
    await page.getByRole('link', { name: '编辑', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '编辑文章（保存为第 2 版）' }).waitFor();
    expect(await page.getByLabel('分类', { exact: true }).locator('option:checked').textContent()).toBe(
      category,
    );
    await page
      .getByLabel('添加附件')
      .setInputFiles({ name: '转介名单.pdf', mimeType: 'application/pdf', buffer: referral });
    await page.getByText('转介名单.pdf（68.4 KB，保存时加密上传）').waitFor();
    await page.getByLabel('正文（Markdown）').fill(`${body}\n- 一周内安排复诊\n`);
    await saveScreenshot(page, 'knowledge-02-edit');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/^第 2 版 · 周主任 于/).waitFor();
    await page.getByText('转介名单.pdf（68.4 KB）').waitFor();
    await saveScreenshot(page, 'knowledge-03-article');
  });

  it('lets the counselor find it, read the history and download the attachment', async () => {
    const { page } = counselorTab;
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    await goTo(page, '知识库');
    await page.getByLabel('按标题或正文筛选').fill('复诊');
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('一周内安排复诊').waitFor();

    const history = page.getByRole('complementary', { name: '版本历史' });
    await history.getByText(/^第 1 版 · 周主任 ·/).waitFor();
    await history.getByRole('button', { name: '查看', exact: true }).click();
    await page.getByText('您正在查看旧版本（第 1 版）。').waitFor();
    await page.getByText('联系紧急联系人').waitFor();
    expect(await page.getByText('一周内安排复诊').count()).toBe(0);
    await saveScreenshot(page, 'knowledge-04-older-version');
    await page.getByRole('button', { name: '查看当前版本' }).click();
    await page.getByText('一周内安排复诊').waitFor();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 转介名单.pdf' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('转介名单.pdf');
    expect(Buffer.from(await readFile(await download.path())).equals(referral)).toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(/^Version 2 · saved by 周主任 on/).waitFor();
    await page.getByRole('complementary', { name: 'Version history' }).waitFor();
    await saveScreenshot(page, 'knowledge-05-article-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('complementary', { name: '版本历史' }).waitFor();
  });

  it('tells a newcomer the staff key is missing until a holder visits, then offers no editing to finance', async () => {
    await bringIn(adminTab.page, financeTab.page, bookkeeper, '财务');
    const { page } = financeTab;
    await logIn(page, bookkeeper);
    await goTo(page, '知识库');
    await page.getByRole('heading', { name: '您还没有员工密钥' }).waitFor();
    await saveScreenshot(page, 'knowledge-06-no-staff-key');

    // The admin holds the key: their next visit wraps it to the newcomer.
    await goTo(adminTab.page, '知识库');
    await adminTab.page.getByRole('link', { name: title }).waitFor();

    await page.getByRole('button', { name: '重新检查' }).click();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('转介名单.pdf（68.4 KB）').waitFor();
    expect(await page.getByRole('link', { name: '编辑', exact: true }).count()).toBe(0);
    await goTo(page, '知识库');
    await page.getByRole('link', { name: title }).waitFor();
    expect(await page.getByRole('link', { name: '写新文章' }).count()).toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Knowledge base' }).waitFor();
    await saveScreenshot(page, 'knowledge-07-list-en');
  });

  it('showed no console errors and no CSP violations along the way', () => {
    expect(adminTab.problems).toEqual(noProblems);
    expect(counselorTab.problems).toEqual(noProblems);
    expect(financeTab.problems).toEqual(noProblems);
  });
});
