import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The client portal's steps the browser journeys share (5-portal, the story). */

export const PHQ9_ITEMS = [
  '做事时提不起劲或没有兴趣',
  '感到心情低落、沮丧或绝望',
  '入睡困难、睡不安稳或睡眠过多',
  '感觉疲倦或没有活力',
  '食欲不振或吃太多',
  '觉得自己很糟——或觉得自己很失败，或让自己或家人失望',
  '对事物专注有困难，例如阅读报纸或看电视时',
  '动作或说话速度缓慢到别人已经觉察？或正好相反——烦躁或坐立不安、动来动去的情况更胜于平常',
  '有不如死掉或用某种方式伤害自己的念头',
];
const FREQUENCY = ['完全不会', '好几天', '一半以上的天数', '几乎每天'];
export const PHQ9 = 'PHQ-9 患者健康问卷（抑郁）';

/** On the case page: a one-time link for `formLabel`, as a path with its fragment. */
export async function makeLink(page: Page, formLabel = PHQ9): Promise<string> {
  const panel = page.getByRole('region', { name: '来访者填写链接' });
  await panel.getByLabel('表单').selectOption({ label: formLabel });
  await panel.getByRole('button', { name: '生成链接' }).click();
  const link = panel.getByLabel('一次性链接');
  await link.waitFor();
  const url = new URL(await link.inputValue());
  return url.pathname + url.hash;
}

/** A link opened afresh, as from a message; the same tab at /portal would only change its hash. */
export async function openLink(page: Page, link: string) {
  await page.goto('about:blank');
  await page.goto(link);
}

/** The client opens a PHQ-9 link and answers each item (0–3), optionally back-dating the form. */
export async function answerPhq9(page: Page, link: string, answers: number[], date?: string) {
  await openLink(page, link);
  await page.getByRole('heading', { level: 1, name: PHQ9 }).waitFor();
  expect(new URL(page.url()).hash).toBe('');
  if (date) await page.getByLabel('填写日期').fill(date);
  for (const [index, item] of PHQ9_ITEMS.entries()) {
    await page
      .getByRole('radiogroup', { name: item })
      .getByText(FREQUENCY[answers[index] ?? 0] as string, { exact: true })
      .click();
  }
  await page.getByText('有点困难', { exact: true }).click();
}

/** The client sends what they filled in, sealed in their browser. */
export async function submitPortalForm(page: Page) {
  await page.getByRole('button', { name: '加密并提交' }).click();
  await page.getByRole('heading', { name: '已提交，谢谢您' }).waitFor();
}

/** The counselor, on the case page, files the submission that shows `summary`. */
export async function fileSubmission(page: Page, summary: string) {
  const panel = page.getByRole('region', { name: '来访者填写链接' });
  await panel.getByRole('button', { name: '刷新' }).click();
  await panel.getByText(summary).waitFor();
  await panel.getByRole('button', { name: '归入个案档案' }).click();
  await panel.getByText('没有待归档的提交。').waitFor();
}
