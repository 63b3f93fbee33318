import type { LocalizedText } from '../schema.js';

/** Bilingual text in templates: Chinese first, as the app shows it by default. */
export const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

export const option = (value: string, zh: string, en: string) => ({ value, label: t(zh, en) });
