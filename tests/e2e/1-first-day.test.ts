import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin, counselor, keepPrintedShares } from './center';
import { modal } from './steps.js';

/**
 * Issue 3's journey on a fresh app, in the order a center lives it: the first admin sets the
 * organization up, invites a counselor, certifies the counselor's keys; the counselor logs in, logs
 * out, and the idle timer locks the vault; later the counselor changes the passphrase, forgets it,
 * and comes back with the recovery code. The steps share one server, so they run in order.
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };

/** A fingerprint as shown: 5 groups of 8 hex digits, each in its own span. */
async function fingerprintIn(scope: Page | ReturnType<Page['getByRole']>): Promise<string> {
  const groups = await scope.locator('.fingerprint span').allInnerTexts();
  return groups.map((group) => group.trim()).join(' ');
}

async function logIn(page: Page, who: { email: string; passphrase: string }) {
  await page.goto('/login');
  await page.getByLabel('电子邮箱').fill(who.email);
  await page.getByLabel('口令', { exact: true }).fill(who.passphrase);
  await page.getByRole('button', { name: '登录' }).click();
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: '用户菜单' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
}

async function logInWithRecoveryCode(page: Page, email: string, recoveryCode: string) {
  await page.getByRole('link', { name: '忘记口令？使用恢复码登录' }).click();
  await page.getByRole('heading', { level: 1, name: '使用恢复码登录' }).waitFor();
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('恢复码').fill(recoveryCode);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('a first day with Tacit', () => {
  let browser: Browser;
  let adminTab: OpenedPage;
  let counselorTab: OpenedPage;
  let inviteLink = '';
  let counselorFingerprint = '';
  let counselorRecoveryCode = '';

  beforeAll(async () => {
    browser = await launchChromium();
    adminTab = await openPage(browser, baseURL, 'laptop');
    counselorTab = await openPage(browser, baseURL, 'tablet');
  });

  afterAll(async () => {
    await adminTab?.close();
    await counselorTab?.close();
    await browser?.close();
  });

  it('greets a fresh installation with the setup wizard, in Chinese first', async () => {
    const { page } = adminTab;
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('heading', { level: 1, name: '创建您的机构' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create your organization' }).waitFor();
    await saveScreenshot(page, 'journey-01-setup-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 1, name: '创建您的机构' }).waitFor();
  });

  it('creates the organization: keys made in the browser, recovery shares printed once', async () => {
    const { page } = adminTab;
    await page.getByRole('button', { name: '继续' }).click();
    await page.getByText('请填写此项').waitFor();
    await page.getByLabel('机构名称').fill('心晴心理咨询中心');
    await page.getByRole('button', { name: '继续' }).click();

    await page.getByRole('heading', { level: 1, name: '第一位管理员' }).waitFor();
    await page.getByLabel('姓名').fill(admin.name);
    await page.getByLabel('电子邮箱').fill(admin.email);
    await page.getByLabel('口令', { exact: true }).fill(admin.passphrase);
    await page.getByLabel('再次输入口令').fill(admin.passphrase);
    await page.getByRole('button', { name: '继续' }).click();

    await page.getByRole('heading', { level: 1, name: '机构恢复密钥' }).waitFor();
    await page.getByText('任意 2 份（共 3 份）即可恢复。').waitFor();
    await page.getByRole('button', { name: '创建机构' }).click();

    await page.getByRole('heading', { name: '打印并保管恢复材料' }).waitFor({ timeout: 60_000 });
    for (const index of [1, 2, 3]) await page.getByText(`恢复份额 ${index} / 3`).waitFor();
    const sheet = (await page.locator('main').textContent()) ?? '';
    expect(sheet).toMatch(/[0-9A-Z]{4}(-[0-9A-Z]{4}){15}/); // a printed Shamir share
    expect(sheet).toMatch(/[0-9A-Z]{4}(-[0-9A-Z]{4}){7}/); // the admin's recovery code
    const shares = await page
      .locator('.share-card:not(.share-card--personal) code.secret-code')
      .allInnerTexts();
    expect(shares).toHaveLength(3);
    await keepPrintedShares(shares.map((share) => share.trim()));
    await saveScreenshot(page, 'journey-02-recovery-sheet');

    await page.getByText('我已打印或妥善保存以上内容').click();
    await page.getByRole('button', { name: '进入默契' }).click();
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '用户与邀请' })
      .waitFor();
  });

  it('invites a counselor; in local mode the email lands in the dev outbox', async () => {
    const { page } = adminTab;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '用户与邀请' }).click();
    await page.getByRole('heading', { level: 1, name: '用户与邀请' }).waitFor();
    await page.getByRole('button', { name: '邀请成员' }).click();
    const dialog = modal(page);
    await dialog.getByLabel('电子邮箱').fill(counselor.email);
    await dialog.getByText('咨询师', { exact: true }).click();
    await dialog.getByRole('button', { name: '发送邀请' }).click();
    await page.getByText(`邀请已发送至 ${counselor.email}。`).waitFor();
    await page.getByText(counselor.email).first().waitFor();
    await saveScreenshot(page, 'journey-03-invited');

    // The outbox in a tab of its own: reloading the app's tab would lock the vault (keys live in memory only).
    const outbox = await page.context().newPage();
    await outbox.goto('/dev/outbox');
    const link = outbox.getByRole('link', { name: /\/invite#token=/ }).first();
    inviteLink = (await link.getAttribute('href')) ?? '';
    await outbox.close();
    expect(inviteLink).toMatch(/\/invite#token=[A-Za-z0-9_-]{43}$/);
  });

  it('lets the counselor accept the invitation and make keys in their own browser', async () => {
    const { page } = counselorTab;
    await page.goto(new URL(inviteLink).pathname + new URL(inviteLink).hash);
    await page.getByRole('heading', { level: 1, name: '接受邀请' }).waitFor();
    await page.getByText(counselor.email).waitFor();
    await page.getByLabel('姓名').fill(counselor.name);
    await page.getByLabel('口令', { exact: true }).fill(counselor.passphrase);
    await page.getByLabel('再次输入口令').fill(counselor.passphrase);
    await page.getByRole('button', { name: '创建账户' }).click();

    await page.getByRole('heading', { name: '账户已创建' }).waitFor({ timeout: 60_000 });
    counselorFingerprint = await fingerprintIn(page);
    expect(counselorFingerprint).toMatch(/^[0-9a-f]{8}( [0-9a-f]{8}){4}$/);
    counselorRecoveryCode = ((await page.locator('code.secret-code').textContent()) ?? '').trim();
    await saveScreenshot(page, 'journey-04-invitation-accepted');
    await page.getByText('我已妥善保存恢复码').click();
    await page.getByRole('link', { name: '前往登录' }).click();
  });

  it('lets the admin certify the counselor’s keys after comparing fingerprints', async () => {
    const { page } = adminTab;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '用户与邀请' }).click();
    await page.getByRole('heading', { name: '待认证的密钥' }).waitFor();
    await page.getByRole('button', { name: '认证' }).waitFor();
    expect(await fingerprintIn(page)).toBe(counselorFingerprint);
    await page.getByRole('button', { name: '认证' }).click();
    const dialog = modal(page);
    await dialog.getByRole('button', { name: '指纹一致，认证' }).waitFor();
    expect(await fingerprintIn(dialog)).toBe(counselorFingerprint);
    await dialog.getByRole('button', { name: '指纹一致，认证' }).click();
    await page.getByText(`已认证 ${counselor.name} 的密钥。`).waitFor();
    await page.getByText('没有等待认证的密钥。').waitFor();
    await saveScreenshot(page, 'journey-05-certified');
  });

  it('signs the counselor in with their passphrase and shows their pages', async () => {
    const { page } = counselorTab;
    await logIn(page, counselor);
    await page.getByRole('button', { name: '打开导航菜单' }).click();
    await page.getByRole('link', { name: '我的个案' }).waitFor();
    await saveScreenshot(page, 'journey-06-counselor-home');
  });

  it('logs out: the keys leave memory and the login page returns', async () => {
    const { page } = counselorTab;
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '用户菜单' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    // The login page shows at once; the server's session ends when the logout request lands.
    await expect.poll(() => page.evaluate(() => fetch('/api/auth/session').then((r) => r.status))).toBe(401);
  });

  it('refuses a wrong passphrase with a clear message', async () => {
    const { page } = counselorTab;
    await logIn(page, { email: counselor.email, passphrase: '这不是我的口令但也足够长' });
    await page.getByText('邮箱或口令不正确。').waitFor();
  });

  it('locks the vault after 30 idle minutes and unlocks with the passphrase', async () => {
    const { page } = counselorTab;
    await page.clock.install();
    await logIn(page, counselor);
    await page.getByRole('button', { name: '用户菜单' }).waitFor();
    await page.clock.fastForward('31:00');
    await page.getByRole('heading', { level: 1, name: '默契已锁定' }).waitFor();
    await saveScreenshot(page, 'journey-07-idle-lock');

    await page.getByLabel('口令', { exact: true }).fill(counselor.passphrase);
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByRole('button', { name: '用户菜单' }).waitFor({ timeout: 60_000 });
  });

  it('keeps an audit chain the admin’s browser verifies and signs', async () => {
    const { page } = adminTab;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    await page.getByRole('cell', { name: 'user.certified' }).waitFor();
    await page.getByRole('button', { name: '验证哈希链' }).click();
    await page.getByText(/哈希链完整，已验证到第 \d+ 条。/).waitFor();
    await saveScreenshot(page, 'journey-08-audit-verified');
  });

  it('shows the signed-in shell in English too, without reloading the keys away', async () => {
    const { page } = adminTab;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Users & invitations' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Users & invitations' }).waitFor();
    await saveScreenshot(page, 'journey-08b-users-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 1, name: '用户与邀请' }).waitFor();
  });

  it('lets the counselor change the passphrase from the user menu, proving the current one', async () => {
    const { page } = counselorTab;
    await page.getByRole('button', { name: '用户菜单' }).click();
    await page.getByRole('menuitem', { name: '修改口令' }).click();
    await page.getByRole('heading', { level: 1, name: '修改口令' }).waitFor();

    await page.getByLabel('当前口令').fill('这不是我的口令但也足够长');
    await page.getByLabel('新口令', { exact: true }).fill(counselor.changedPassphrase);
    await page.getByLabel('再次输入新口令').fill(counselor.changedPassphrase);
    await page.getByRole('button', { name: '保存新口令' }).click();
    await page.getByText('当前口令不正确。').waitFor({ timeout: 60_000 });

    await page.getByLabel('当前口令').fill(counselor.passphrase);
    await page.getByRole('button', { name: '保存新口令' }).click();
    await page.getByText('口令已修改。下次登录和解锁请使用新口令。').waitFor({ timeout: 60_000 });
    await saveScreenshot(page, 'journey-09-passphrase-changed');
  });

  it('refuses the old passphrase after the change and opens the keys with the new one', async () => {
    const { page } = counselorTab;
    await logOut(page);
    await logIn(page, counselor);
    await page.getByText('邮箱或口令不正确。').waitFor({ timeout: 60_000 });
    await logIn(page, { email: counselor.email, passphrase: counselor.changedPassphrase });
    await page.getByRole('button', { name: '用户菜单' }).waitFor({ timeout: 60_000 });
  });

  it('after a recovery-code login, has the counselor set a new passphrase and shows a new code once', async () => {
    const { page } = counselorTab;
    await logOut(page);
    await logInWithRecoveryCode(page, counselor.email, counselorRecoveryCode);
    await page.getByRole('heading', { level: 1, name: '设置新口令' }).waitFor({ timeout: 60_000 });
    expect(await page.getByLabel('当前口令').count()).toBe(0);
    await saveScreenshot(page, 'journey-10-set-new-passphrase');

    await page.getByLabel('新口令', { exact: true }).fill(counselor.recoveredPassphrase);
    await page.getByLabel('再次输入新口令').fill(counselor.recoveredPassphrase);
    await page.getByRole('button', { name: '保存新口令' }).click();
    await page.getByRole('heading', { level: 1, name: '新口令已设置' }).waitFor({ timeout: 60_000 });
    const newRecoveryCode = ((await page.locator('code.secret-code').textContent()) ?? '').trim();
    expect(newRecoveryCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    expect(newRecoveryCode).not.toBe(counselorRecoveryCode);
    await saveScreenshot(page, 'journey-11-new-recovery-code');

    expect(await page.getByRole('button', { name: '进入默契' }).isDisabled()).toBe(true);
    await page.getByText('我已妥善保存新的恢复码').click();
    await page.getByRole('button', { name: '进入默契' }).click();
    await page.getByRole('button', { name: '用户菜单' }).waitFor();
  });

  it('logs in with the newest passphrase; the used recovery code no longer works', async () => {
    const { page } = counselorTab;
    await logOut(page);
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    await page.getByRole('button', { name: '用户菜单' }).waitFor({ timeout: 60_000 });

    await logOut(page);
    await logInWithRecoveryCode(page, counselor.email, counselorRecoveryCode);
    await page.getByText('邮箱或口令不正确。').waitFor({ timeout: 60_000 });
    await saveScreenshot(page, 'journey-12-old-recovery-code-refused');
  });

  it('showed no console errors and no CSP violations along the way', () => {
    expect(adminTab.problems).toEqual(noProblems);
    expect(counselorTab.problems).toEqual(noProblems);
  });
});
