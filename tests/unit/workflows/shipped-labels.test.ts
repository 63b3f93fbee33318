import { describe, expect, it } from 'vitest';
import { SHIPPED_WORKFLOWS } from '../../../core/workflows/shipped.js';
import { SHIPPED_LABELS, shippedLabel } from '../../../core/workflows/shipped-labels.js';

const storedTexts = () =>
  SHIPPED_WORKFLOWS.flatMap((workflow) => [
    workflow.name,
    ...workflow.graph.nodes.flatMap((node) => (node.label ? [node.label] : [])),
  ]);

describe('the shipped processes’ names and step labels', () => {
  it('each have a Chinese and an English text', () => {
    const untranslated = storedTexts().filter((text) => !SHIPPED_LABELS[text]);
    expect(untranslated).toEqual([]);
    for (const text of storedTexts()) {
      expect(SHIPPED_LABELS[text]?.['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(SHIPPED_LABELS[text]?.en).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('are shown in the reader’s language, while a label an admin wrote stays as written', () => {
    expect(shippedLabel('Submit supervision report', 'zh-CN')).toBe('提交督导报告');
    expect(shippedLabel('Submit supervision report', 'en')).toBe('Submit supervision report');
    expect(shippedLabel('结案 Case closing', 'en')).toBe('Case closing');
    expect(shippedLabel('告知前台：新来访者已建档', 'en')).toBe('告知前台：新来访者已建档');
  });
});
