import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { saveScreenshot } from './browser';
import { admin, counselor } from './center';
import { bringIn, expectNoProblems, goTo, logIn, modal, openNewCase, tabsFor } from './steps';

/**
 * Issue 11 in the browser, late in the run so the shared center has a history: the admin filters
 * the audit log, exports it with its hashes, verifies the chain and signs a checkpoint; a counselor
 * sees who accessed their case and exports their client's data, decrypted in the browser; a
 * director and that counselor destroy the case together, and the tombstone is in the chain.
 */

const baseURL = inject('baseURL');
const clientName = '周晓';

/** People of this file's own: earlier files move or close the shared counselor's cases. */
const auditedCounselor = {
  name: '赵咨询师',
  email: 'zhao.counselor@xinqing.example',
  passphrase: '河边的小路上每天傍晚都有人在散步',
};
const auditedDirector = {
  name: '钱主任',
  email: 'qian.director@xinqing.example',
  passphrase: '周五下午的例会总是在三楼的会议室',
};

/** The text of one column of the audit table, row by row. */
async function column(page: Page, index: number): Promise<string[]> {
  return page.locator(`table tbody tr td:nth-child(${index})`).allInnerTexts();
}

describe('the audit trail and data rights', () => {
  const tabs = tabsFor(baseURL, { admin: 'laptop', counselor: 'laptop', director: 'tablet' });
  let caseId = '';

  it('filters the log by action and by person', async () => {
    const { page } = tabs.admin;
    await logIn(page, admin);
    await goTo(page, '审计日志');
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();

    await page.getByLabel('事件', { exact: true }).selectOption('case.read');
    await page.getByRole('button', { name: '应用筛选' }).click();
    await expect.poll(async () => new Set(await column(page, 4))).toEqual(new Set(['case.read']));
    expect(await column(page, 3)).toContain(counselor.name);

    await page.getByLabel('事件', { exact: true }).selectOption('');
    await page.getByLabel('操作人', { exact: true }).selectOption({ label: counselor.name });
    await page.getByRole('button', { name: '应用筛选' }).click();
    await expect.poll(async () => new Set(await column(page, 3))).toEqual(new Set([counselor.name]));
    expect(await column(page, 4)).toContain('case.read');
    await saveScreenshot(page, 'audit-01-filtered');
  });

  it('exports the filtered log as CSV, every event with its previous hash and its own', async () => {
    const { page } = tabs.admin;
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const download = await downloading;
    const lines = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');

    expect(lines[0]).toBe('seq,time,actor,actor_name,type,subject,details,prev_hash,hash');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines.slice(1)) {
      expect(line).toContain(counselor.name);
      expect(line).toMatch(/,[0-9a-f]{64},[0-9a-f]{64}$/);
    }
    await page.getByText(`已导出 ${lines.length - 1} 条事件`).waitFor();
  });

  it('verifies the whole chain, signs a checkpoint, and verifies against it next time', async () => {
    const { page } = tabs.admin;
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByRole('button', { name: '验证哈希链' }).click();
    await page.getByText(/哈希链完整，已验证到第 \d+ 条。/).waitFor({ timeout: 60_000 });

    await page.getByRole('button', { name: '验证哈希链' }).click();
    await page.getByText(/哈希链完整，已验证到第 \d+ 条。[1-9]\d* 个签名检查点与重算结果一致/).waitFor({
      timeout: 60_000,
    });
    await page.getByLabel('事件', { exact: true }).selectOption('audit.checkpoint_signed');
    await page.getByRole('button', { name: '应用筛选' }).click();
    await expect
      .poll(async () => new Set(await column(page, 4)))
      .toEqual(new Set(['audit.checkpoint_signed']));
    expect(new Set(await column(page, 3))).toEqual(new Set([admin.name]));
    await saveScreenshot(page, 'audit-02-verified');
  });

  it('brings in a counselor and a director of its own, so it depends on no earlier case', async () => {
    await bringIn(tabs.admin.page, tabs.counselor.page, auditedCounselor, '咨询师');
    await bringIn(tabs.admin.page, tabs.director.page, auditedDirector, '主任');
  });

  it('shows the counselor who accessed their case', async () => {
    const { page } = tabs.counselor;
    await logIn(page, auditedCounselor);
    caseId = await openNewCase(page, { name: clientName, phone: '13600000000' });

    await page.getByRole('link', { name: '谁访问过此个案' }).click();
    await page.getByRole('heading', { level: 1, name: /^个案 [0-9A-F]{8} 的访问记录$/ }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    expect(await column(page, 3)).toEqual(['case.created', 'case.read']);
    expect(new Set(await column(page, 2))).toEqual(new Set([auditedCounselor.name]));
    await saveScreenshot(page, 'audit-03-case-access-log');

    await page.getByRole('link', { name: '返回个案' }).click();
    await page.getByRole('button', { name: '改为「已结案」' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '确认更改' }).click();
    await page.getByText('个案状态已改为「已结案」。').waitFor();
  });

  it("exports the client's data, decrypted in the counselor's browser", async () => {
    const { page } = tabs.counselor;
    await goTo(page, '数据权利');
    const row = page.locator('.pending-list__item', { hasText: clientName });
    await row.waitFor({ timeout: 60_000 });
    const downloading = page.waitForEvent('download');
    await row.getByRole('button', { name: '导出' }).click();
    const download = await downloading;
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));

    expect(exported.client).toMatchObject({ id: expect.any(String), contact: { name: clientName } });
    expect(exported.cases.map((item: { case: { id: string } }) => item.case.id)).toEqual([caseId]);
    await page.getByText('已导出 1 个个案。').waitFor();
    await saveScreenshot(page, 'audit-04-data-rights');
  });

  it('destroys the case with two people: the director asks, the counselor confirms', async () => {
    const director = tabs.director.page;
    await logIn(director, auditedDirector);
    await goTo(director, '数据权利');
    await director.getByLabel('个案编号（完整 ID）', { exact: true }).fill(caseId);
    await director.getByRole('button', { name: '申请销毁此个案' }).click();
    await director.getByText('已申请销毁，等待个案密钥持有人确认。').waitFor();

    const { page } = tabs.counselor;
    await goTo(page, '我的个案');
    await goTo(page, '数据权利');
    const request = page.locator('.pending-list__item', { hasText: caseId.slice(0, 8).toUpperCase() });
    await request.getByRole('button', { name: '确认销毁' }).click();
    const confirm = modal(page);
    await confirm.getByText('将被永久销毁，无法恢复').waitFor();
    await confirm.getByRole('button', { name: '永久销毁' }).click();
    await page.getByText(/已销毁：删除了 2 份密钥封装、0 条记录和 0 个附件。/).waitFor();
    await saveScreenshot(page, 'audit-05-destroyed');

    await goTo(page, '我的个案');
    await expect
      .poll(() => page.getByRole('link', { name: `个案 ${caseId.slice(0, 8).toUpperCase()}` }).count())
      .toBe(0);
    const admin = tabs.admin.page;
    await goTo(admin, '审计日志');
    await admin.getByLabel('事件', { exact: true }).selectOption('case.destroyed');
    await admin.getByRole('button', { name: '应用筛选' }).click();
    await expect.poll(async () => new Set(await column(admin, 4))).toEqual(new Set(['case.destroyed']));
    expect(await column(admin, 3)).toContain(auditedCounselor.name);
  });

  it('showed no console errors and no CSP violations along the way', () => {
    expectNoProblems(tabs);
  });
});
