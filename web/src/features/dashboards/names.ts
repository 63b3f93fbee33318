import type { I18n, MessageKey } from '../../lib/i18n';
import { zhCN } from '../../lib/i18n/zh-CN';

const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(zhCN, key);

/**
 * The name of a catalog metric or breakdown. The catalog grows on the server; an id this app has
 * no words for yet is shown as it is rather than hidden.
 */
export function metricName(t: I18n['t'], id: string): string {
  const key = `reports.metric.${id}`;
  return isMessageKey(key) ? t(key) : id;
}

export function dimensionName(t: I18n['t'], id: string): string {
  const key = `reports.dimension.${id}`;
  return isMessageKey(key) ? t(key) : id;
}

/** A breakdown value as people read it, where the app has words for it (a funnel stage). */
export function categoryName(t: I18n['t'], dimension: string, key: string): string {
  const label = `reports.${dimension}.${key}`;
  return isMessageKey(label) ? t(label) : key;
}
