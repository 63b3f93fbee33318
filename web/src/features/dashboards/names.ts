import { type I18n, isKnownMessage } from '../../lib/i18n';

/**
 * The name of a catalog metric or breakdown. The catalog grows on the server; an id this app has
 * no words for yet is shown as it is rather than hidden.
 */
export function metricName(t: I18n['t'], id: string): string {
  const key = `reports.metric.${id}`;
  return isKnownMessage(key) ? t(key) : id;
}

export function dimensionName(t: I18n['t'], id: string): string {
  const key = `reports.dimension.${id}`;
  return isKnownMessage(key) ? t(key) : id;
}

/** A breakdown value as people read it, where the app has words for it (a funnel stage). */
export function categoryName(t: I18n['t'], dimension: string, key: string): string {
  const label = `reports.${dimension}.${key}`;
  return isKnownMessage(label) ? t(label) : key;
}
