import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin, counselor, supervisor } from './center';
import { bringIn, goTo, logIn, modal, writeSessionNote } from './steps.js';

/**
 * Issue 4's journey in the browser, in the organization 1-first-day created: the counselor opens a
 * client's file and writes three notes; a supervisor asks for access, the counselor approves and
 * delivers the key from their browser, the supervisor reads; the counselor revokes, the supervisor
 * loses access, the key rotates on the counselor's next visit and the next note is beyond the
 * supervisor's reach.
 *
 * Keys live in memory only, so every tab navigates with the app's own links after signing in:
 * a reload would lock the vault.
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
const notes = ['睡眠困难，讨论了睡眠卫生', '回顾了工作中的冲突', '练习了放松训练'];

describe('a case file, shared and taken back', () => {
  let browser: Browser;
  let adminTab: OpenedPage;
  let counselorTab: OpenedPage;
  let supervisorTab: OpenedPage;
  let caseLink = '';

  beforeAll(async () => {
    browser = await launchChromium();
    adminTab = await openPage(browser, baseURL, 'laptop');
    counselorTab = await openPage(browser, baseURL, 'laptop');
    supervisorTab = await openPage(browser, baseURL, 'tablet');
  });

  afterAll(async () => {
    await adminTab?.close();
    await counselorTab?.close();
    await supervisorTab?.close();
    await browser?.close();
  });

  it('brings a certified supervisor into the center', async () => {
    const { page } = adminTab;
    await logIn(page, admin);
    await bringIn(page, supervisorTab.page, supervisor, '督导');
  });

  it('lets the counselor open a client’s file: contact card encrypted, log verified', async () => {
    const { page } = counselorTab;
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    await goTo(page, '我的个案');
    await page.getByRole('heading', { level: 1, name: '我的个案' }).waitFor();
    await page.getByText('还没有个案。').waitFor();
    await page.getByRole('button', { name: '新建来访者与个案' }).click();
    const dialog = modal(page);
    await dialog.getByLabel('姓名').fill('李雷');
    await dialog.getByLabel('电话', { exact: true }).fill('13800000000');
    await dialog.getByLabel('电子邮箱').fill('li.lei@example.com');
    await dialog.getByLabel('紧急联系人').fill('韩梅梅 13900000000');
    await saveScreenshot(page, 'cases-01-new-client');
    await dialog.getByRole('button', { name: '创建并打开' }).click();

    await page.getByText('已验证：0 条记录，日志完整').waitFor();
    await page.getByText('韩梅梅 13900000000').waitFor();
    await page.getByText('还没有记录。').waitFor();
  });

  it('writes three session notes, each checked as you type and verified on the case page', async () => {
    const { page } = counselorTab;
    await page.getByRole('link', { name: '写咨询记录' }).click();
    await page.getByRole('button', { name: '保存记录' }).click();
    await page.getByText('请先修正标出的问题。').waitFor();
    await saveScreenshot(page, 'cases-02-note-validation');
    await page.getByRole('link', { name: '返回个案' }).click();

    for (const [index, text] of notes.entries()) {
      await writeSessionNote(page, index + 1, text);
      await page.getByText(`已验证：${index + 1} 条记录，日志完整`).waitFor();
      await page.getByText(text).waitFor();
    }
    await saveScreenshot(page, 'cases-03-case-with-notes');
    caseLink = await page.getByLabel('督导申请访问时使用的链接').inputValue();
    expect(caseLink).toMatch(/\/cases\/[0-9a-f-]{36}$/);
  });

  it('shows the case page in English as well', async () => {
    const { page } = counselorTab;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Verified: 3 records, log intact').waitFor();
    await saveScreenshot(page, 'cases-03b-case-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByText('已验证：3 条记录，日志完整').waitFor();
  });

  it('lets the supervisor ask for access to a case they cannot open', async () => {
    const { page } = supervisorTab;
    await logIn(page, supervisor);
    await goTo(page, '与我共享的个案');
    await page.getByText('目前没有与您共享的个案。').waitFor();
    await page.getByLabel('个案链接或编号').fill(caseLink);
    await page.getByRole('button', { name: '打开个案' }).click();
    await page.getByText('您没有此个案的访问权限，或个案不存在。').waitFor();
    await page.getByLabel('给主咨询师的附言（加密，仅对方可读）').fill('下周督导会讨论这个个案');
    await saveScreenshot(page, 'cases-04-request-access');
    await page.getByRole('button', { name: '申请访问' }).click();
    await page.getByText('您的申请正在等待批准。').waitFor();
  });

  it('lets the counselor approve and deliver the key from their browser', async () => {
    const { page } = counselorTab;
    await goTo(page, '我的个案');
    await page.getByRole('link', { name: /^个案 [0-9A-F]{8}$/ }).click();
    await page.getByText(`${supervisor.name} 申请只读访问 7 天（督导）`).waitFor();
    await page.getByText('附言：下周督导会讨论这个个案').waitFor();
    await saveScreenshot(page, 'cases-05-request-to-decide');
    await page.getByRole('button', { name: '批准' }).click();
    await page.getByRole('button', { name: '交付密钥' }).click();
    await page.getByText(`已将密钥交付给 ${supervisor.name}。`).waitFor();
    await page.getByText(supervisor.name, { exact: true }).waitFor();
  });

  it('lets the supervisor read the notes while the grant lives, not the contact card', async () => {
    const { page } = supervisorTab;
    await goTo(page, '与我共享的个案');
    await page.getByRole('link', { name: /^个案 [0-9A-F]{8}$/ }).click();
    await page.getByText('已验证：3 条记录，日志完整').waitFor();
    for (const text of notes) await page.getByText(text).waitFor();
    await page.getByText('联系卡未与您共享。').waitFor();
    await page.getByText('您对此个案只有读取权限。').waitFor();
    expect(await page.getByRole('link', { name: '写咨询记录' }).count()).toBe(0);
    await saveScreenshot(page, 'cases-06-supervisor-reads');
  });

  it('takes access away on revocation, after asking, and rotates the key right then', async () => {
    // wrangler dev's clock cannot be moved past the grant's expiry, so revocation stands in for
    // it: the server refuses the case and its wrapped keys either way, and a rotation follows.
    const { page } = counselorTab;
    await page.getByRole('button', { name: `撤销 ${supervisor.name} 的访问` }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('heading', { name: `撤销 ${supervisor.name} 的访问？` }).waitFor();
    await confirm.getByRole('button', { name: '撤销' }).click();
    await page.getByText(`已撤销 ${supervisor.name} 的访问，个案密钥已轮换（第 1 代）`).waitFor();
    await saveScreenshot(page, 'cases-07-revoked-and-rotated');

    const supervising = supervisorTab.page;
    await goTo(supervising, '与我共享的个案');
    await supervising.getByText('目前没有与您共享的个案。').waitFor();
    await supervising.getByLabel('个案链接或编号').fill(caseLink);
    await supervising.getByRole('button', { name: '打开个案' }).click();
    await supervising.getByText('主咨询师已撤销您对此个案的访问，无法再读取。').waitFor();
    await saveScreenshot(supervising, 'cases-08-supervisor-revoked');
  });

  it('writes a note under the new key that the supervisor cannot read', async () => {
    const { page } = counselorTab;
    await writeSessionNote(page, 4, '轮换后的记录');
    await page.getByText('已验证：4 条记录，日志完整').waitFor();
    await page.getByText('轮换后的记录').waitFor();
    await saveScreenshot(page, 'cases-09-note-after-rotation');

    // The server refuses the file; the old epoch's key would not open the new note anyway
    // (checked byte for byte in tests/worker/case-journey.test.ts).
    const caseId = new URL(caseLink).pathname.split('/')[2];
    const refused = await supervisorTab.page.evaluate(async (id) => {
      const response = await fetch(`/api/cases/${id}`);
      return { status: response.status, body: await response.text() };
    }, caseId);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('grant_revoked');
    expect(refused.body).not.toContain('轮换后的记录');
  });

  it('corrects a note as a new revision and shows its history', async () => {
    const { page } = counselorTab;
    await page.getByRole('link', { name: '更正' }).first().click();
    await page.getByText('更正记录：保存后成为新版本，旧版本保留在修订历史中。').waitFor();
    await page.locator('form.record-editor').getByLabel('本次主要议题').fill('轮换后的记录（已更正）');
    await page.getByRole('button', { name: '保存记录' }).click();
    await page.getByText('已验证：5 条记录，日志完整').waitFor();
    await page.getByRole('link', { name: '修订历史' }).click();
    await page.getByRole('heading', { name: '修订历史' }).waitFor();
    await page.getByText('第 1 版').waitFor();
    await saveScreenshot(page, 'cases-10-revision-history');
  });

  it('attaches a scanned consent, sealed in the browser, and downloads the same bytes back', async () => {
    const { page } = counselorTab;
    await page.getByRole('link', { name: '关闭历史' }).click();
    await page.getByRole('link', { name: '知情同意书扫描件' }).click();
    const form = page.locator('form.record-editor');
    await form.getByLabel('签署日期').fill('2026-11-20');
    // two chunks and a bit: the second chunk is the short final one
    const scan = Buffer.from(Array.from({ length: 70_000 }, (_, index) => (index * 7 + 3) % 256));
    await form
      .getByLabel('扫描件', { exact: true })
      .setInputFiles({ name: '知情同意书.pdf', mimeType: 'application/pdf', buffer: scan });
    await form.getByText('知情同意书.pdf（68.4 KB）').waitFor();
    await form.getByRole('button', { name: '保存记录' }).click();
    await page.getByText('已验证：6 条记录，日志完整').waitFor();
    await page.getByText('知情同意书.pdf（68.4 KB）').waitFor();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 知情同意书.pdf' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('知情同意书.pdf');
    expect(Buffer.from(await readFile(await download.path())).equals(scan)).toBe(true);
    await saveScreenshot(page, 'cases-11-consent-scan');

    const caseId = new URL(caseLink).pathname.split('/')[2];
    const stored = await page.evaluate(async (id) => (await fetch(`/api/cases/${id}`)).text(), caseId);
    expect(stored).not.toContain('知情同意书.pdf');
  });

  it('showed no console errors and no CSP violations along the way', () => {
    expect(adminTab.problems).toEqual(noProblems);
    expect(counselorTab.problems).toEqual(noProblems);
    expect(supervisorTab.problems).toEqual(noProblems);
  });
});
