import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type OpenedPage, openPage, saveScreenshot } from './browser';
import { admin } from './center';
import { goTo, logIn } from './steps';

/**
 * Issue 6's designer in the shared center: the admin opens the leave process, adds a
 * notification step after the approval and wires it in, sees the checks point at the step left
 * dangling, fixes it, publishes the next version and finds it in the list, the old one retired.
 */

const baseURL = inject('baseURL');
const noProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
const STEP_NAME = '通知前台安排代班';
const LEAVE = '请假审批 Leave request';

const processRows = (page: Page) =>
  page.getByRole('table', { name: '流程定义的所有版本' }).getByRole('row').filter({ hasText: LEAVE });
const canvasStep = (page: Page, name: string) =>
  page.getByRole('region', { name: '流程图' }).getByRole('button', { name, exact: true });
const checks = (page: Page) => page.getByRole('region', { name: '检查结果' });

/** Drags from the port on a step's right edge to the middle of another step. */
async function drawEdge(page: Page, from: string, to: string) {
  // The mouse works in the viewport: bring the canvas back after working down the panel.
  await page.getByRole('region', { name: '流程图' }).scrollIntoViewIfNeeded();
  const port = canvasStep(page, from).locator('circle.wfd-port');
  const start = await port.boundingBox();
  const end = await canvasStep(page, to).locator('rect').boundingBox();
  if (!start || !end) throw new Error('the steps are not on the canvas');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 8 });
  await page.mouse.up();
}

describe('the admin changes the leave process in the visual designer', () => {
  let browser: Browser;
  let adminTab: OpenedPage;
  let publishedBefore = 0;
  let stepsBefore = 0;

  beforeAll(async () => {
    browser = await launchChromium();
    adminTab = await openPage(browser, baseURL, 'laptop');
  });

  afterAll(async () => {
    await adminTab?.close();
    await browser?.close();
  });

  it('opens the published leave process read-only on the canvas', async () => {
    const { page } = adminTab;
    await logIn(page, admin);
    await goTo(page, '流程');
    await page.getByRole('heading', { level: 1, name: '流程' }).waitFor();
    const install = page.getByRole('button', { name: '安装并发布“请假审批”' });
    await page.getByRole('table', { name: '流程定义的所有版本' }).or(install).first().waitFor();
    if (await install.isVisible()) await install.click();
    const published = processRows(page).filter({ hasText: '已发布' });
    await published.waitFor();
    publishedBefore = Number(await published.getByRole('cell').nth(1).textContent());
    stepsBefore = Number(await published.getByRole('cell').nth(2).textContent());

    await published.getByRole('link', { name: LEAVE }).click();
    await page.getByRole('heading', { level: 1, name: LEAVE }).waitFor();
    await page.getByText('此版本只读。').waitFor();
    await canvasStep(page, 'Approve leave (审批)').waitFor();
    expect(await page.getByRole('button', { name: '添加通知' }).count()).toBe(0);
    await expect.poll(() => checks(page).getByText('流程完整，可以保存和发布。').isVisible()).toBe(true);
  });

  it('adds a notification after the approval and is told where the graph is broken', async () => {
    const { page } = adminTab;
    await page.getByRole('button', { name: '编辑为新版本' }).click();
    await canvasStep(page, 'Approve leave (审批)').click();
    await page.getByRole('button', { name: '添加通知' }).click();
    const panel = page.getByRole('region', { name: '步骤属性：通知' });
    await panel.getByLabel('步骤名称').fill(STEP_NAME);
    await panel.getByLabel('指派方式').selectOption({ label: '按角色' });
    await panel.getByLabel('角色').selectOption({ label: '前台' });
    const added = canvasStep(page, `${STEP_NAME} (通知)`);
    await added.waitFor();
    await checks(page).getByText(`“${STEP_NAME}”没有下一步：除结束外，每个步骤都需要出口。`).waitFor();
    await checks(page).getByText(`从开始无法到达“${STEP_NAME}”。`).waitFor();
    expect(await added.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: '发布' }).isDisabled()).toBe(true);

    // The approval's "approved" way now leads to the new step: drop the old edge, draw the new one.
    await canvasStep(page, 'Approve leave (审批)').click();
    const approval = page.getByRole('region', { name: '步骤属性：审批' });
    await approval.getByLabel('到期前提醒（小时）').fill('8');
    await approval.getByText('逾期后升级').click();
    await approval.getByRole('group', { name: '升级给' }).getByLabel('角色').selectOption({ label: '督导' });
    await approval.getByRole('button', { name: '断开到“Leave approved”的连接' }).click();
    await drawEdge(page, 'Approve leave (审批)', `${STEP_NAME} (通知)`);
    const newWay = approval.getByRole('listitem').filter({ hasText: `→ ${STEP_NAME}` });
    await newWay.getByRole('button', { name: '添加条件' }).click();
    await newWay.getByLabel('数据 1').selectOption({ label: '审批结果' });
    await newWay.getByLabel('值 1').selectOption({ label: '批准' });
    await canvasStep(page, 'Approve leave (审批)').waitFor();
    await page.getByRole('region', { name: '流程图' }).getByText('审批结果 = 批准').waitFor();

    // The new step still leads nowhere, and "Leave approved" can no longer be reached.
    await checks(page).getByText(`“${STEP_NAME}”没有下一步：除结束外，每个步骤都需要出口。`).waitFor();
    await checks(page).getByText('从开始无法到达“Leave approved”。').waitFor();
    await saveScreenshot(page, 'workflow-designer-dangling');
  });

  it('connects the dangling step from the panel, by keyboard, and the checks pass', async () => {
    const { page } = adminTab;
    await checks(page)
      .getByRole('button', { name: `“${STEP_NAME}”没有下一步：除结束外，每个步骤都需要出口。` })
      .click();
    const panel = page.getByRole('region', { name: '步骤属性：通知' });
    await panel.getByLabel('步骤名称').waitFor();
    expect(await panel.getByLabel('步骤名称').inputValue()).toBe(STEP_NAME);
    await panel.getByLabel('连接到').selectOption({ label: 'Leave approved (通知)' });
    await panel.getByRole('button', { name: '连接', exact: true }).focus();
    await page.keyboard.press('Enter');
    await checks(page).getByText('流程完整，可以保存和发布。').waitFor();
    expect(await canvasStep(page, `${STEP_NAME} (通知)`).getAttribute('aria-invalid')).toBeNull();
    await saveScreenshot(page, 'workflow-designer-fixed');
  });

  it('chooses a connection on the canvas, deletes it by keyboard, and undoes and redoes that', async () => {
    const { page } = adminTab;
    const canvas = page.getByRole('region', { name: '流程图' });
    const way = canvas.getByRole('button', {
      name: `连接：Approve leave (审批) → ${STEP_NAME} (通知)`,
    });
    // The condition's label sits on the connection: clicking it chooses the connection.
    await canvas.getByText('审批结果 = 批准').click();
    expect(await way.getAttribute('aria-pressed')).toBe('true');
    const panel = page.getByRole('region', { name: '连接属性' });
    await panel.getByText(`从 Approve leave (审批) 到 ${STEP_NAME} (通知)`).waitFor();
    expect(await panel.getByLabel('值 1').inputValue()).toBe('approved');

    await page.keyboard.press('Delete');
    await way.waitFor({ state: 'detached' });
    await checks(page).getByText(`从开始无法到达“${STEP_NAME}”。`).waitFor();
    await page.getByRole('toolbar', { name: '画布工具' }).getByRole('button', { name: '撤销' }).click();
    await way.waitFor();
    await checks(page).getByText('流程完整，可以保存和发布。').waitFor();
    await page.keyboard.press('Control+Shift+Z');
    await way.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Z');
    await way.waitFor();
    await canvas.getByText('审批结果 = 批准').waitFor();
    await checks(page).getByText('流程完整，可以保存和发布。').waitFor();
  });

  it('publishes the next version, which the list shows in force and the old one retired', async () => {
    const { page } = adminTab;
    const next = publishedBefore + 1;
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText(`已发布第 ${next} 版。新的实例将按此版本运行。`).waitFor();
    await page.getByText(`第 ${next} 版 · 已发布`).first().waitFor();
    await page.getByText('此版本只读。').waitFor();
    await canvasStep(page, `${STEP_NAME} (通知)`).waitFor();

    await page.getByRole('link', { name: '← 返回流程列表' }).click();
    const current = processRows(page).filter({ hasText: '已发布' });
    await current.waitFor();
    expect(await current.getByRole('cell').nth(1).textContent()).toBe(String(next));
    expect(await current.getByRole('cell').nth(2).textContent()).toBe(String(stepsBefore + 1));
    const retired = await processRows(page)
      .filter({ hasText: '已停用' })
      .evaluateAll((rows) => rows.map((row) => (row as HTMLTableRowElement).cells[1]?.textContent));
    expect(retired).toContain(String(publishedBefore));
    await saveScreenshot(page, 'workflow-designer-list');
    expect(adminTab.problems).toEqual(noProblems);
  });
});
