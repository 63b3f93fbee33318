import type { ConferencePerson } from '../../lib/conferences';
import type { I18n } from '../../lib/i18n';

/** A member's display name (operational data), or a neutral word when the directory lacks them. */
export function nameOf(
  i18n: Pick<I18n, 't'>,
  people: ReadonlyMap<string, Pick<ConferencePerson, 'displayName'>>,
  userId: string,
): string {
  return people.get(userId)?.displayName ?? i18n.t('conferences.someone');
}

export function expiryLabel(i18n: Pick<I18n, 't' | 'formatDate'>, expiresAt: number): string {
  return expiresAt === 0
    ? i18n.t('conferences.noExpiry')
    : i18n.t('conferences.until', { date: i18n.formatDate(expiresAt) });
}
