import { A } from '@solidjs/router';
import type { MessageKey } from '../lib/i18n';
import { useI18n } from '../lib/i18n';

export function ComingSoon(props: { page: MessageKey }) {
  const { t } = useI18n();
  return (
    <div class="status-page">
      <h1>{t(props.page)}</h1>
      <div class="card status-card">
        <span class="badge">{t('comingSoon.title')}</span>
        <p class="status-card__body">{t('comingSoon.body', { page: t(props.page) })}</p>
      </div>
    </div>
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <div class="card status-card">
      <h1 class="card__title">{t('notFound.title')}</h1>
      <p class="muted">{t('notFound.body')}</p>
      <A class="button" href="/">
        {t('notFound.home')}
      </A>
    </div>
  );
}

export function BootFailure(props: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div class="card status-card">
      <h1 class="card__title">{t('boot.failed.title')}</h1>
      <p class="muted">{t('boot.failed.body')}</p>
      <button type="button" class="button button--primary" onClick={() => props.onRetry()}>
        {t('common.retry')}
      </button>
    </div>
  );
}
