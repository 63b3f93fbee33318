import {
  type Accessor,
  createContext,
  createEffect,
  createSignal,
  type ParentProps,
  Show,
  useContext,
} from 'solid-js';
import {
  DEFAULT_LOCALE,
  type Dictionary,
  formatMessage,
  isLocale,
  type Locale,
  type MessageKey,
  type MessageParams,
} from './messages';

export type { Locale, MessageKey, MessageParams } from './messages';

/**
 * Each dictionary is a chunk of its own, fetched for the locale in use, so a reader downloads the
 * words of one language only. The first screen waits for it: docs/benchmarks.md counts it with the
 * first screen's JavaScript.
 */
const loadDictionary: Readonly<Record<Locale, () => Promise<Dictionary>>> = {
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
  en: () => import('./en').then((m) => m.en),
};

// Only the interface language is persisted; nothing else the app knows ever goes to storage.
const LOCALE_STORAGE_KEY = 'tacit.locale';

export interface I18n {
  locale: Accessor<Locale>;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: MessageParams): string;
  /** Translates an optional message value (a validation result, say); null stays null. */
  tMessage(message: { readonly key: MessageKey; readonly params?: MessageParams } | null): string | null;
  formatDateTime(epochMs: number): string;
  formatDate(epochMs: number): string;
}

const I18nContext = createContext<I18n>();

function readStoredLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage may be disabled (private mode, policy); the choice then lasts for this page only.
  }
}

export function I18nProvider(props: ParentProps) {
  // The locale and its dictionary change together, once the dictionary is here.
  const [current, setCurrent] = createSignal<{ locale: Locale; dictionary: Dictionary } | null>(null);
  const loaded = () => current() as { locale: Locale; dictionary: Dictionary };
  const locale = () => current()?.locale ?? DEFAULT_LOCALE;
  let requested: Locale = DEFAULT_LOCALE;
  const switchTo = async (next: Locale) => {
    requested = next;
    const dictionary = await loadDictionary[next]();
    if (requested === next) setCurrent({ locale: next, dictionary });
  };
  void switchTo(readStoredLocale());

  createEffect(() => {
    const shown = current();
    if (!shown) return;
    document.documentElement.lang = shown.locale;
    document.title = shown.dictionary['app.documentTitle'];
  });

  const i18n: I18n = {
    locale,
    setLocale(next) {
      storeLocale(next);
      void switchTo(next);
    },
    t: (key, params) => formatMessage(loaded().dictionary[key], params),
    tMessage: (message) => (message ? formatMessage(loaded().dictionary[message.key], message.params) : null),
    formatDateTime: (epochMs) =>
      new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs),
    formatDate: (epochMs) => new Intl.DateTimeFormat(locale(), { dateStyle: 'long' }).format(epochMs),
  };

  // Nothing renders before its words: the first screen waits for the dictionary's chunk.
  return (
    <I18nContext.Provider value={i18n}>
      <Show when={current()}>{props.children}</Show>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
