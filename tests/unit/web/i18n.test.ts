import { beforeAll, describe, expect, it } from 'vitest';
import { coreEn } from '../../../web/src/lib/i18n/core.en';
import { coreZhCN } from '../../../web/src/lib/i18n/core.zh-CN';
import { formatMessage, type Locale } from '../../../web/src/lib/i18n/messages';
import { type DictionaryPart, dictionaryParts } from '../../../web/src/lib/i18n/parts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

type Words = Readonly<Record<string, string>>;
/** The core dictionary and every feature's part, in both languages. */
const dictionaries: { name: string; words: Record<Locale, Words> }[] = [
  { name: 'core', words: { 'zh-CN': coreZhCN, en: coreEn } },
];

beforeAll(async () => {
  for (const part of Object.keys(dictionaryParts) as DictionaryPart[])
    dictionaries.push({
      name: part,
      words: { 'zh-CN': await dictionaryParts[part]['zh-CN'](), en: await dictionaryParts[part].en() },
    });
});

describe('the dictionaries', () => {
  it('have the same keys in zh-CN and en, part by part', () => {
    expect(dictionaries.length).toBeGreaterThan(1);
    for (const { name, words } of dictionaries)
      expect(Object.keys(words.en).sort(), name).toEqual(Object.keys(words['zh-CN']).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const { words } of dictionaries)
      for (const [key, zhCN] of Object.entries(words['zh-CN']))
        expect(placeholders(words.en[key] ?? ''), key).toEqual(placeholders(zhCN));
  });

  it('have no empty message', () => {
    for (const { words } of dictionaries)
      for (const text of [...Object.values(words['zh-CN']), ...Object.values(words.en)])
        expect(text.trim()).not.toBe('');
  });

  it('put each key in one dictionary only', () => {
    const keys = dictionaries.flatMap(({ words }) => Object.keys(words['zh-CN']));
    expect(keys.length).toBeGreaterThan(1000);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(formatMessage('第 {current} 步，共 {total} 步', { current: 1, total: 3 })).toBe(
      '第 1 步，共 3 步',
    );
    expect(formatMessage('Hello {name}', {})).toBe('Hello {name}');
  });
});
