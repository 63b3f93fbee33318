import { describe, expect, it } from 'vitest';
import { loadLanguage, loadParts, wordFor } from '../../../web/src/lib/i18n/words';

// The words of the page: the core at once in zh-CN, parts as pages ask for them, all of them again
// in a language chosen later (web/src/lib/i18n/words.ts; module state, so these run in order).
describe('the words of the page', () => {
  it('has the zh-CN core at hand and a feature part once a page asked for it', async () => {
    await loadLanguage('zh-CN');
    expect(wordFor('zh-CN', 'login.heading')).toBe('登录');
    expect(wordFor('zh-CN', 'cases.heading')).toBeUndefined();
    await loadParts(['cases'], ['zh-CN']);
    expect(wordFor('zh-CN', 'cases.heading')).toBe('我的个案');
    expect(wordFor('en', 'cases.heading')).toBeUndefined();
  });

  it('brings every part asked for so far when another language is chosen', async () => {
    await loadLanguage('en');
    expect(wordFor('en', 'login.heading')).toBe('Log in');
    expect(wordFor('en', 'cases.heading')).toBe('My cases');
  });

  it('brings a part asked for while the language is on its way', async () => {
    const switching = loadLanguage('zh-CN');
    await loadParts(['rules'], ['en']);
    await switching;
    expect(wordFor('en', 'rules.heading')).toBe('Rules');
    expect(wordFor('zh-CN', 'rules.heading')).toBe('规则');
  });

  it('knows no word for a name every object has', () => {
    expect(wordFor('zh-CN', 'constructor')).toBeUndefined();
  });
});
