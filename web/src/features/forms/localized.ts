import type { FieldError, LocalizedText } from '../../../../core/forms/index';
import type { I18n } from '../../lib/i18n';

/** Form definitions carry their own text in both languages; the interface language picks one. */
export function localized(i18n: Pick<I18n, 'locale'>, text: LocalizedText): string {
  return text[i18n.locale()];
}

/** A validation message as the person filling the form reads it. */
export function fieldErrorText(i18n: Pick<I18n, 'locale' | 't'>, error: FieldError): string {
  if (error.code === 'rule' && error.message) return localized(i18n, error.message);
  return i18n.t(`form.error.${error.code}`, error.limit === undefined ? undefined : { limit: error.limit });
}
