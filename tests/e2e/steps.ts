import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, type OpenedPage, openPage, type ViewportName } from './browser';

/** The open modal, a form dialog or a confirmation (Kobalte's dialog or alert dialog). */
export function modal(page: Page) {
  return page.getByRole('dialog').or(page.getByRole('alertdialog'));
}

/** Steps the later browser journeys share (7-front-desk, 99-recovery). */

export async function logIn(page: Page, who: { email: string; passphrase: string }) {
  await page.goto('/login');
  await page.getByLabel('电子邮箱').fill(who.email);
  await page.getByLabel('口令', { exact: true }).fill(who.passphrase);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '用户菜单' }).waitFor({ timeout: 60_000 });
}

/** The sidebar on a laptop, the menu button first on a tablet. */
export async function goTo(page: Page, link: string) {
  const target = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: link });
  const menu = page.getByRole('button', { name: '打开导航菜单' });
  // Right after a login the shell may not be drawn yet: wait for the link or the menu button.
  await expect.poll(async () => (await target.isVisible()) || (await menu.isVisible())).toBe(true);
  if (!(await target.isVisible())) await menu.click();
  await target.click();
}

/**
 * The admin (signed in on `adminPage`, on any page) invites a person with one role; they accept
 * in `joining` and make their keys; the admin certifies them. `joining` ends on the login link.
 */
export async function bringIn(
  adminPage: Page,
  joining: Page,
  who: { name: string; email: string; passphrase: string },
  roleLabel: string,
) {
  await goTo(adminPage, '用户与邀请');
  await adminPage.getByRole('button', { name: '邀请成员' }).click();
  const invite = modal(adminPage);
  await invite.getByLabel('电子邮箱').fill(who.email);
  await invite.getByText(roleLabel, { exact: true }).click();
  await invite.getByRole('button', { name: '发送邀请' }).click();
  await adminPage.getByText(`邀请已发送至 ${who.email}。`).waitFor();

  // The outbox in a tab of its own: reloading the admin's tab would lock the vault.
  // The email is written after the response, so refresh until the one addressed to them is there.
  const outbox = await adminPage.context().newPage();
  await outbox.goto('/dev/outbox');
  const invitation = outbox
    .getByRole('listitem')
    .filter({ hasText: who.email })
    .getByRole('link', { name: /\/invite#token=/ })
    .first();
  await expect
    .poll(async () => {
      if (await invitation.isVisible()) return true;
      await outbox.getByRole('button', { name: '刷新' }).click();
      return false;
    })
    .toBe(true);
  const link = (await invitation.getAttribute('href')) ?? '';
  await outbox.close();

  await joining.goto(new URL(link).pathname + new URL(link).hash);
  await joining.getByLabel('姓名').fill(who.name);
  await joining.getByLabel('口令', { exact: true }).fill(who.passphrase);
  await joining.getByLabel('再次输入口令').fill(who.passphrase);
  await joining.getByRole('button', { name: '创建账户' }).click();
  await joining.getByRole('heading', { name: '账户已创建' }).waitFor({ timeout: 60_000 });

  // The pending list loads when the page opens: leave and come back to see the newcomer.
  await goTo(adminPage, '审计日志');
  await goTo(adminPage, '用户与邀请');
  await adminPage.getByRole('button', { name: '认证' }).click();
  await modal(adminPage).getByRole('button', { name: '指纹一致，认证' }).click();
  await adminPage.getByText(`已认证 ${who.name} 的密钥。`).waitFor();
}

/** The counselor signed in on `page`, on the schedule page, works every day from `start` to `end`. */
export async function workEveryDay(page: Page, start: string, end: string) {
  for (const day of ['周一', '周二', '周三', '周四', '周五', '周六', '周日']) {
    await page.getByRole('checkbox', { name: day }).check();
    await page.getByLabel(`${day}开始`).fill(start);
    await page.getByLabel(`${day}结束`).fill(end);
  }
  await page.getByRole('button', { name: '保存工作时间' }).click();
  await page.getByText('工作时间已保存。').waitFor();
}

/** Opens my inbox and the one open step with this title (the booking and supervision processes). */
export async function openStep(page: Page, title: string) {
  await goTo(page, '任务');
  await page.getByRole('heading', { name: '流程待办' }).waitFor();
  await page.getByRole('link', { name: `打开 ${title}` }).click();
}

/** A row of my inbox's table of process steps. */
export function inboxRow(page: Page, title: string) {
  return page
    .getByRole('table', { name: '分配给我或我的角色的流程步骤' })
    .getByRole('row')
    .filter({ hasText: title });
}

/** From the case page: the n-th session note, dated 2026-11-(10+n), about `text`; back on the case page. */
export async function writeSessionNote(page: Page, n: number, text: string) {
  await page.getByRole('link', { name: '写咨询记录' }).click();
  await page.getByRole('heading', { level: 1, name: '单次咨询记录表' }).waitFor();
  const form = page.locator('form.record-editor');
  await form.getByLabel('咨询日期').fill(`2026-11-${String(10 + n).padStart(2, '0')}`);
  await form.getByLabel('第几次咨询').fill(String(n));
  await form.getByLabel('时长（分钟）').fill('50');
  await form.getByText('面询', { exact: true }).click();
  await form.getByLabel('本次主要议题').fill(text);
  await form.getByText('无', { exact: true }).click();
  await form.getByRole('button', { name: '保存记录' }).click();
}

/** Draws a stroke on a signature pad with the mouse, as a hand on a touch screen would. */
export async function drawSignature(page: Page, pad: Locator) {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.6);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.3, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.7, { steps: 8 });
  await page.mouse.up();
}

// ---- Shared setup of the supervision, closing and audit journeys ----
// (8-supervision, 85-closing-and-archive, 9-audit)

/**
 * One browser for the file and a tab (a fresh context) per person at the given sizes, opened
 * before its tests and closed after them. The tabs exist from the first test on, not before.
 */
export function tabsFor<Person extends string>(
  baseURL: string,
  viewports: Record<Person, ViewportName>,
): Record<Person, OpenedPage> {
  const tabs = {} as Record<Person, OpenedPage>;
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    for (const person of Object.keys(viewports) as Person[]) {
      tabs[person] = await openPage(browser, baseURL, viewports[person]);
    }
  });
  afterAll(async () => {
    for (const tab of Object.values<OpenedPage | undefined>(tabs)) await tab?.close();
    await browser?.close();
  });
  return tabs;
}

/** No tab saw a console error, a CSP violation or an uncaught error. */
export function expectNoProblems(tabs: Record<string, OpenedPage>) {
  for (const tab of Object.values(tabs)) {
    expect(tab.problems).toEqual({ consoleErrors: [], cspViolations: [], pageErrors: [] });
  }
}

/** The counselor signed in on `page` opens a new client's case from 我的个案; returns its id. */
export async function openNewCase(page: Page, client: { name: string; phone: string }): Promise<string> {
  await goTo(page, '我的个案');
  await page.getByRole('button', { name: '新建来访者与个案' }).click();
  const dialog = modal(page);
  await dialog.getByLabel('姓名').fill(client.name);
  await dialog.getByLabel('电话', { exact: true }).fill(client.phone);
  await dialog.getByRole('button', { name: '创建并打开' }).click();
  await page.getByText('已验证：0 条记录，日志完整').waitFor();
  const caseId = new URL(page.url()).pathname.split('/')[2] ?? '';
  expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
  return caseId;
}

/**
 * The admin signed in on `page` installs a shipped form and publishes a shipped process that
 * uses it (unless an earlier run of the shared center already did).
 */
export async function installProcess(
  page: Page,
  shipped: { form: string; formVersion: string; process: string; processRow: string },
) {
  await goTo(page, '表单');
  await page.getByRole('button', { name: `安装“${shipped.form}”` }).click();
  await page.getByText(`已安装 ${shipped.formVersion}。`).waitFor();
  await goTo(page, '流程');
  await page.getByRole('heading', { level: 1, name: '流程' }).waitFor();
  const install = page.getByRole('button', { name: `安装并发布“${shipped.process}”` });
  const rows = page.getByRole('table', { name: '流程定义的所有版本' }).getByRole('row');
  await rows.or(install).first().waitFor();
  if (await install.isVisible()) await install.click();
  await rows.filter({ hasText: shipped.processRow }).filter({ hasText: '已发布' }).waitFor();
}
