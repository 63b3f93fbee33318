import type { zhCN } from './zh-CN';

export type MessageKey = keyof typeof zhCN;

/** Every locale supplies exactly the keys of the zh-CN source dictionary, no more, no fewer. */
export type Dictionary = { readonly [K in MessageKey]: string };

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
