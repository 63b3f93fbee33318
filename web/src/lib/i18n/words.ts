import { coreZhCN } from './core.zh-CN';
import type { Locale } from './messages';
import { type DictionaryPart, dictionaryParts } from './parts';

type Words = Readonly<Record<string, string>>;

/**
 * The core dictionary of the default language is in the initial bundle, so the first screen
 * waits for no chunk; the other language's core is a chunk of its own, fetched when chosen.
 */
const loadCore: Readonly<Record<Locale, () => Promise<Words>>> = {
  'zh-CN': () => Promise.resolve(coreZhCN),
  en: () => import('./core.en').then((m) => m.coreEn),
};

/** The words here so far, per language: the core, then each part a page asked for. */
const words: Record<Locale, Record<string, string>> = { 'zh-CN': {}, en: {} };
const loads = new Map<string, Promise<void>>();
/** Every part a page has asked for: a change of language brings them all before it shows. */
const wanted = new Set<DictionaryPart>();

function load(locale: Locale, part: DictionaryPart | 'core'): Promise<void> {
  const id = `${locale}/${part}`;
  const started = loads.get(id);
  if (started) return started;
  const source = part === 'core' ? loadCore[locale] : dictionaryParts[part][locale];
  // Parts share no key (tests/unit/web/i18n.test.ts), so adding one changes no word on screen.
  const loading = source().then((loaded) => {
    Object.assign(words[locale], loaded);
  });
  loads.set(id, loading);
  // A failed fetch (network) is tried again the next time the words are asked for.
  loading.catch(() => loads.delete(id));
  return loading;
}

/** Brings the language's core, the given parts and every part asked for so far or meanwhile. */
export async function loadLanguage(locale: Locale, parts: readonly DictionaryPart[] = []): Promise<void> {
  for (const part of parts) wanted.add(part);
  let asked: number;
  do {
    asked = wanted.size;
    await Promise.all([load(locale, 'core'), ...[...wanted].map((part) => load(locale, part))]);
  } while (wanted.size !== asked);
}

/** Brings feature parts in each of the given languages (the one shown, the one being switched to). */
export async function loadParts(parts: readonly DictionaryPart[], locales: readonly Locale[]): Promise<void> {
  for (const part of parts) wanted.add(part);
  await Promise.all(locales.flatMap((locale) => parts.map((part) => load(locale, part))));
}

/** The word for a key in a language, if it is here. */
export function wordFor(locale: Locale, key: string): string | undefined {
  return Object.hasOwn(words[locale], key) ? words[locale][key] : undefined;
}
