import {
  type Accessor,
  createContext,
  createEffect,
  createSignal,
  type ParentProps,
  useContext,
} from 'solid-js';
import { en } from './en';
import {
  DEFAULT_LOCALE,
  type Dictionary,
  formatMessage,
  isLocale,
  type Locale,
  type MessageKey,
  type MessageParams,
} from './messages';
import { zhCN } from './zh-CN';

export type { Locale, MessageKey, MessageParams } from './messages';

const dictionaries: Readonly<Record<Locale, Dictionary>> = { 'zh-CN': zhCN, en };

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
  const [locale, setLocaleSignal] = createSignal<Locale>(readStoredLocale());

  createEffect(() => {
    document.documentElement.lang = locale();
    document.title = dictionaries[locale()]['app.documentTitle'];
  });

  const i18n: I18n = {
    locale,
    setLocale(next) {
      setLocaleSignal(next);
      storeLocale(next);
    },
    t: (key, params) => formatMessage(dictionaries[locale()][key], params),
    tMessage: (message) =>
      message ? formatMessage(dictionaries[locale()][message.key], message.params) : null,
    formatDateTime: (epochMs) =>
      new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs),
    formatDate: (epochMs) => new Intl.DateTimeFormat(locale(), { dateStyle: 'long' }).format(epochMs),
  };

  return <I18nContext.Provider value={i18n}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
