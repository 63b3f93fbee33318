import { A, useLocation } from '@solidjs/router';
import { createEffect, on } from 'solid-js';
import type { MessageKey } from '../lib/i18n';
import { useI18n } from '../lib/i18n';
import { RetryAlert } from '../ui/RetryAlert';

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

/**
 * A signed-in page that could not be drawn: the shell stays, the page says so and offers another
 * go; moving to another address starts afresh too.
 */
export function PageFailure(props: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  const location = useLocation();
  // a page that throws is a bug: the console keeps what the person is spared
  console.error(props.error);
  createEffect(
    on(
      () => location.pathname,
      () => props.onRetry(),
      { defer: true },
    ),
  );
  return (
    <div class="card status-card">
      <h1 class="card__title">{t('page.failed.title')}</h1>
      <RetryAlert error={props.error} onRetry={() => props.onRetry()} />
      <A class="button" href="/">
        {t('notFound.home')}
      </A>
    </div>
  );
}
