import { describe, expect, it } from 'vitest';
import { en } from '../../../web/src/lib/i18n/en';
import { formatMessage } from '../../../web/src/lib/i18n/messages';
import { zhCN } from '../../../web/src/lib/i18n/zh-CN';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the dictionaries', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('have no empty message', () => {
    for (const text of [...Object.values(zhCN), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(formatMessage('第 {current} 步，共 {total} 步', { current: 1, total: 3 })).toBe(
      '第 1 步，共 3 步',
    );
    expect(formatMessage('Hello {name}', {})).toBe('Hello {name}');
  });
});
