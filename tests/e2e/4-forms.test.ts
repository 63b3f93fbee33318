import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin, counselor } from './center';
import { drawSignature } from './steps';

/** Elements wider than their box: the page itself, and everything inside `scope` but form controls. */
function horizontalOverflow(page: Page, scope: string) {
  return page.evaluate((selector) => {
    const root = document.documentElement;
    const offenders: string[] = [];
    if (root.scrollWidth > root.clientWidth) {
      offenders.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
      // name the outermost elements that reach past the screen, to say what to fix
      for (const element of document.querySelectorAll('body *')) {
        const right = element.getBoundingClientRect().right;
        const parentRight = element.parentElement?.getBoundingClientRect().right ?? 0;
        if (right > root.clientWidth && parentRight <= root.clientWidth) {
          offenders.push(
            `${element.tagName.toLowerCase()}.${element.className} reaches ${Math.round(right)}`,
          );
        }
      }
    }
    for (const element of document.querySelectorAll(`${selector}, ${selector} *`)) {
      if (element.matches('input, textarea, select') || element.clientWidth === 0) continue;
      if (element.scrollWidth > element.clientWidth) {
        offenders.push(
          `${element.tagName.toLowerCase()}.${element.className} ${element.scrollWidth} > ${element.clientWidth}`,
        );
      }
    }
    return offenders;
  }, scope);
}

/**
 * Issue 5 in the browser, in the organization 1-first-day created: the admin designs a phone
 * follow-up form with a show-if rule and a signature, publishes it and installs a template; the
 * counselor writes it on a case — the rule shows and hides the field, messages appear as they
 * type, they draw a signature — and the record reads back from the verified, decrypted file.
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };

async function logIn(page: Page, who: { email: string; passphrase: string }) {
  await page.goto('/login');
  await page.getByLabel('电子邮箱').fill(who.email);
  await page.getByLabel('口令', { exact: true }).fill(who.passphrase);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '用户菜单' }).waitFor({ timeout: 60_000 });
}

async function goTo(page: Page, link: string) {
  const nav = page.getByRole('navigation', { name: '主导航' });
  if (!(await nav.getByRole('link', { name: link }).isVisible())) {
    await page.getByRole('button', { name: '打开导航菜单' }).click();
  }
  await nav.getByRole('link', { name: link }).click();
}

/** Adds a field from the palette and gives it its labels in both languages. */
async function addField(page: Page, type: string, zh: string, en: string): Promise<Locator> {
  await page.getByRole('button', { name: `添加字段：${type}`, exact: true }).click();
  const panel = page.getByRole('region', { name: `字段属性：${type}` });
  const label = panel.getByRole('group', { name: '标签' });
  await label.getByLabel('中文').fill(zh);
  await label.getByLabel('English').fill(en);
  return panel;
}

describe('a form designed, published and filled in', () => {
  let browser: Browser;
  let adminTab: OpenedPage;
  let counselorTab: OpenedPage;
  let phoneTab: OpenedPage;

  beforeAll(async () => {
    browser = await launchChromium();
    adminTab = await openPage(browser, baseURL, 'laptop');
    counselorTab = await openPage(browser, baseURL, 'laptop');
    phoneTab = await openPage(browser, baseURL, 'phone');
  });

  afterAll(async () => {
    await adminTab?.close();
    await counselorTab?.close();
    await phoneTab?.close();
    await browser?.close();
  });

  it('lets the admin build a form with a show-if rule and publish it', async () => {
    const { page } = adminTab;
    await logIn(page, admin);
    await goTo(page, '表单');
    await page.getByRole('heading', { level: 1, name: '表单' }).waitFor();
    await page.getByText('还没有自建或安装的表单。').waitFor();
    await page.getByRole('link', { name: '新建表单' }).click();

    const settings = page.getByRole('region', { name: '表单信息' });
    await settings.getByLabel('表单标识').fill('phone-follow-up');
    const title = settings.getByRole('group', { name: '表单标题' });
    await title.getByLabel('中文').fill('电话回访记录');
    await title.getByLabel('English').fill('Phone follow-up');

    const date = await addField(page, '日期', '回访日期', 'Follow-up date');
    await date.getByText('必填', { exact: true }).click();
    await date.getByLabel('运营数据（服务器可见，可用于统计）').check();

    const referral = await addField(page, '勾选项', '需要转介', 'Needs a referral');
    await referral.getByLabel('字段标识').fill('needs_referral');

    const notes = await addField(page, '多行文本', '转介说明', 'Referral notes');
    expect(await notes.getByLabel('运营数据（服务器可见，可用于统计）').isDisabled()).toBe(true);
    await notes.getByText('必填', { exact: true }).click();
    const showIf = notes.getByRole('group', { name: '显示条件' });
    await showIf.getByRole('button', { name: '添加条件' }).click();
    await showIf.getByLabel('条件 1 的字段').selectOption({ label: '需要转介' });
    expect(await showIf.getByLabel('条件 1 的判断').inputValue()).toBe('isChecked');

    const minutes = await addField(page, '数字', '通话时长（分钟）', 'Call length (minutes)');
    await minutes.getByLabel('最大值').fill('120');
    await minutes.getByText('只允许整数', { exact: true }).click();

    await addField(page, '签名', '来访者签名', 'Client’s signature');
    await page.getByRole('region', { name: '字段属性：签名' }).getByText('必填', { exact: true }).click();

    const risks = page.getByRole('region', { name: '风险提示', exact: true });
    await risks.getByRole('button', { name: '添加风险提示' }).click();
    await risks.getByLabel('条件 1 的字段').selectOption({ label: '需要转介' });
    const flagText = risks.getByRole('group', { name: '风险提示 1 的内容' });
    await flagText.getByLabel('中文').fill('需要转介，请跟进');
    await flagText.getByLabel('English').fill('Needs a referral: follow up');

    // keyboard reorder: the call length goes before the notes
    await page.getByRole('button', { name: /^通话时长（分钟）/ }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.getByText('“通话时长（分钟）”已移到第 3 位').waitFor();

    // the preview runs the rule as it will run for counselors
    const preview = page.getByRole('region', { name: '预览' });
    expect(await preview.getByLabel('转介说明').count()).toBe(0);
    await preview.getByText('需要转介', { exact: true }).click();
    await preview.getByLabel('转介说明').waitFor();
    await saveScreenshot(page, 'forms-01-designer');

    await page.getByRole('button', { name: '发布版本' }).click();
    await page.getByText('已发布 phone-follow-up@1。咨询师现在可以使用这个版本。').waitFor();
    const row = page.getByRole('row', { name: /电话回访记录/ });
    await row.getByText('第 1 版').waitFor();
    await row.getByText('无草稿').waitFor();

    await page.getByRole('button', { name: '安装“知情同意书”' }).click();
    await page.getByText('已安装 informed-consent@1。').waitFor();
    await saveScreenshot(page, 'forms-02-list');
  });

  it('lets a counselor fill it on a case: the rule, the messages, a drawn signature, read back', async () => {
    const { page } = counselorTab;
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    await goTo(page, '我的个案');
    await page.getByRole('button', { name: '新建来访者与个案' }).click();
    const dialog = page.getByRole('dialog', { name: '新建来访者与个案' });
    await dialog.getByLabel('姓名').fill('张晓');
    await dialog.getByRole('button', { name: '创建并打开' }).click();
    await page.getByText('已验证：0 条记录，日志完整').waitFor();

    await page.getByRole('button', { name: '其他表单…' }).click();
    await page.getByRole('link', { name: '知情同意书', exact: true }).waitFor();
    await page.getByRole('link', { name: '电话回访记录' }).click();
    await page.getByRole('heading', { level: 1, name: '电话回访记录' }).waitFor();
    const form = page.locator('form.record-editor');

    expect(await form.getByLabel('转介说明').count()).toBe(0);
    await form.getByText('需要转介', { exact: true }).click();
    await form.getByLabel('转介说明').waitFor();
    await form.getByText('需要转介', { exact: true }).click();
    await form.getByLabel('转介说明').waitFor({ state: 'detached' });

    await form.getByLabel('通话时长（分钟）').fill('150');
    await form.getByText('不能大于 120').waitFor();
    await form.getByLabel('通话时长（分钟）').fill('12.5');
    await form.getByText('请输入整数').waitFor();
    await form.getByLabel('通话时长（分钟）').fill('25');
    await form.getByText('请输入整数').waitFor({ state: 'detached' });

    await form.getByText('需要转介', { exact: true }).click();
    await form.getByRole('button', { name: '保存记录' }).click();
    await page.getByText('请先修正标出的问题。').waitFor();
    expect(await form.getByText('请填写此项').count()).toBe(3); // date, notes, signature

    await form.getByLabel('回访日期').fill('2026-11-24');
    await form.getByLabel('转介说明').fill('建议转介至精神科评估睡眠问题');
    await drawSignature(page, form.getByRole('img', { name: /签名区域/ }));
    await form.getByRole('img', { name: '来访者签名（已签名）' }).waitFor();
    await saveScreenshot(page, 'forms-03-filled');
    await form.getByRole('button', { name: '保存记录' }).click();

    await page.getByText('已验证：1 条记录，日志完整').waitFor();
    await page.getByRole('heading', { name: '电话回访记录' }).waitFor();
    await page.getByText('建议转介至精神科评估睡眠问题').waitFor();
    await page.getByRole('list', { name: '风险提示' }).getByText('需要转介，请跟进').waitFor();
    await page.getByText('2026-11-24').waitFor();
    const signature = page.getByRole('img', { name: '来访者签名（已签名）' });
    expect(await signature.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await saveScreenshot(page, 'forms-04-read-back');

    // the server holds the operational date in the open and the rest only as ciphertext
    const caseId = new URL(page.url()).pathname.split('/')[2];
    const stored = await page.evaluate(async (id) => (await fetch(`/api/cases/${id}`)).text(), caseId);
    expect(stored).toContain('phone-follow-up@1');
    expect(stored).toContain('2026-11-24');
    expect(stored).not.toContain('精神科');
    expect(stored).not.toContain('needs_referral');
    expect(stored).not.toContain('data:image/png');
  });

  it('lets a counselor write a session note on a 390×844 phone with nothing wider than the screen', async () => {
    const { page } = phoneTab;
    expect(page.viewportSize()).toEqual({ width: 390, height: 844 });
    await logIn(page, { email: counselor.email, passphrase: counselor.recoveredPassphrase });
    await goTo(page, '我的个案');
    await page.getByRole('button', { name: '新建来访者与个案' }).click();
    const dialog = page.getByRole('dialog', { name: '新建来访者与个案' });
    await dialog.getByLabel('姓名').fill('周小满');
    await dialog.getByRole('button', { name: '创建并打开' }).click();
    await page.getByText('已验证：0 条记录，日志完整').waitFor();

    await page.getByRole('link', { name: '写咨询记录' }).click();
    await page.getByRole('heading', { level: 1, name: '单次咨询记录表' }).waitFor();
    const form = page.locator('form.record-editor');
    await form.getByLabel('咨询日期').fill('2026-11-25');
    await form.getByLabel('第几次咨询').fill('1');
    await form.getByLabel('时长（分钟）').fill('50');
    await form.getByText('视频', { exact: true }).click();
    const link =
      'https://example.org/a-very-long-unbroken-reference-the-client-sent-before-the-session-0123456789';
    await form.getByLabel('本次主要议题').fill(`来访者谈到入睡困难和工作压力，参考资料：${link}`);
    await form.getByRole('radiogroup', { name: '风险等级' }).getByText('无', { exact: true }).click();
    expect(await horizontalOverflow(page, 'form.record-editor')).toEqual([]);
    await saveScreenshot(page, 'forms-05-phone-editor');

    await form.getByRole('button', { name: '保存记录' }).click();
    await page.getByText('已验证：1 条记录，日志完整').waitFor();
    await page.getByText(link, { exact: false }).waitFor();
    expect(await horizontalOverflow(page, '.record-list')).toEqual([]);
    await saveScreenshot(page, 'forms-06-phone-read-back');
  });

  it('reported nothing a person would not want to see', () => {
    expect(adminTab.problems).toEqual(noProblems);
    expect(counselorTab.problems).toEqual(noProblems);
    expect(phoneTab.problems).toEqual(noProblems);
  });
});
