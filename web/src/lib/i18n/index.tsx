import {
  type Accessor,
  type Component,
  createContext,
  createEffect,
  createSignal,
  lazy,
  type ParentProps,
  Show,
  untrack,
  useContext,
} from 'solid-js';
import {
  DEFAULT_LOCALE,
  formatMessage,
  isLocale,
  type Locale,
  type MessageKey,
  type MessageParams,
} from './messages';
import type { DictionaryPart } from './parts';
import { loadLanguage, loadParts, wordFor } from './words';

export type { Locale, MessageKey, MessageParams } from './messages';
export type { DictionaryPart } from './parts';

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

// One interface language for the whole page: the lazy pages below load words outside any component.
/** The language on screen; null until its core dictionary is here. */
const [shown, setShown] = createSignal<Locale | null>(null);
/** The language last chosen; it differs from the one shown while its words are on their way. */
let requested: Locale = readStoredLocale();

async function switchTo(next: Locale, parts?: readonly DictionaryPart[]): Promise<void> {
  requested = next;
  await loadLanguage(next, parts);
  if (requested === next) setShown(next);
}

function translate(key: MessageKey, params?: MessageParams): string {
  const locale = shown() ?? requested;
  const word = wordFor(locale, key);
  if (word !== undefined) return formatMessage(word, params);
  // Cannot happen while every lazy page names its parts (tests/unit/web/i18n-parts.test.ts).
  console.error(`i18n: "${key}" is in no dictionary part loaded for this page`);
  return key;
}

/** Whether the app has words for a key built from data (a catalog id, say), among those loaded. */
export function isKnownMessage(key: string): key is MessageKey {
  return wordFor(shown() ?? requested, key) !== undefined;
}

/**
 * A lazily loaded page (or part of one) that renders only once both its code and the words of its
 * dictionary parts are here, fetched side by side, in the language shown and in the one being
 * switched to. A later change of language brings these parts before it shows.
 */
// biome-ignore lint/suspicious/noExplicitAny: the props of any component, as solid-js's own lazy()
export function lazyPage<T extends Component<any>>(parts: readonly DictionaryPart[], load: () => Promise<T>) {
  return lazy(async () => {
    const locales = untrack(() => [...new Set([shown() ?? requested, requested])]);
    const [page] = await Promise.all([load(), loadParts(parts, locales)]);
    return { default: page };
  });
}

/** `parts`: the feature parts an entry shows before any lazy page (the booking widget's, say). */
export function I18nProvider(props: ParentProps<{ parts?: readonly DictionaryPart[] }>) {
  void switchTo(requested, props.parts);

  createEffect(() => {
    const locale = shown();
    if (!locale) return;
    document.documentElement.lang = locale;
    document.title = translate('app.documentTitle');
  });

  const i18n: I18n = {
    locale: () => shown() ?? DEFAULT_LOCALE,
    setLocale(next) {
      storeLocale(next);
      void switchTo(next);
    },
    t: translate,
    tMessage: (message) => (message ? translate(message.key, message.params) : null),
    formatDateTime: (epochMs) =>
      new Intl.DateTimeFormat(i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs),
    formatDate: (epochMs) => new Intl.DateTimeFormat(i18n.locale(), { dateStyle: 'long' }).format(epochMs),
  };

  // Nothing renders before its words: the core dictionary of the language first, pages their parts.
  return (
    <I18nContext.Provider value={i18n}>
      <Show when={shown()}>{props.children}</Show>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
