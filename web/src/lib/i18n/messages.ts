import type { coreZhCN } from './core.zh-CN';
import type { DictionaryPart, dictionaryParts } from './parts';

type PartKey<P extends DictionaryPart> = keyof Awaited<ReturnType<(typeof dictionaryParts)[P]['zh-CN']>>;

/** The keys of the zh-CN source dictionary: its core and every feature's part. */
export type MessageKey = keyof typeof coreZhCN | { [P in DictionaryPart]: PartKey<P> }[DictionaryPart];

export type MessageParams = Readonly<Record<string, string | number>>;

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Replaces `{name}` placeholders; an unknown placeholder stays visible so a missing param is noticed. */
export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
}
