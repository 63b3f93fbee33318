import type { MyCase } from '../../../../core/api/index';
import type { I18n } from '../../lib/i18n';

/** The first 8 hex digits of the case id: enough to tell cases apart on screen. */
export function caseNumber(caseId: string): string {
  return caseId.slice(0, 8).toUpperCase();
}

export function accessLabel(i18n: Pick<I18n, 't' | 'formatDate'>, perm: 'read' | 'write', expiresAt: number) {
  const until =
    expiresAt === 0
      ? i18n.t('cases.noExpiry')
      : i18n.t('cases.expires', { date: i18n.formatDate(expiresAt) });
  return `${i18n.t(`cases.perm.${perm}`)} · ${until}`;
}

export const STATUS_BADGE: Record<MyCase['status'], string> = {
  intake: 'badge badge--warning',
  active: 'badge',
  closing: 'badge badge--warning',
  closed: 'badge badge--muted',
  archived: 'badge badge--muted',
};

export const DAY_MS = 86_400_000;
