import {
  type Accessor,
  createContext,
  createEffect,
  createSignal,
  type ParentProps,
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
import { zhCN } from './zh-CN';

export type { Locale, MessageKey, MessageParams } from './messages';

/** zh-CN, the default, ships with the first screen; English is fetched when someone picks it. */
const loadDictionary: Readonly<Record<Locale, () => Promise<Dictionary>>> = {
  'zh-CN': async () => zhCN,
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
  const [current, setCurrent] = createSignal<{ locale: Locale; dictionary: Dictionary }>({
    locale: DEFAULT_LOCALE,
    dictionary: zhCN,
  });
  const locale = () => current().locale;
  let requested: Locale = DEFAULT_LOCALE;
  const switchTo = async (next: Locale) => {
    requested = next;
    const dictionary = await loadDictionary[next]();
    if (requested === next) setCurrent({ locale: next, dictionary });
  };
  const stored = readStoredLocale();
  if (stored !== DEFAULT_LOCALE) void switchTo(stored);

  createEffect(() => {
    document.documentElement.lang = locale();
    document.title = current().dictionary['app.documentTitle'];
  });

  const i18n: I18n = {
    locale,
    setLocale(next) {
      storeLocale(next);
      void switchTo(next);
    },
    t: (key, params) => formatMessage(current().dictionary[key], params),
    tMessage: (message) =>
      message ? formatMessage(current().dictionary[message.key], message.params) : null,
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
