import { createResource, For, Show } from 'solid-js';
import { PublicFrame } from '../../app/PublicFrame';
import { useI18n } from '../../lib/i18n';
import { listOutbox } from '../../lib/outbox';
import { AsyncContent } from '../../ui/AsyncContent';
import { EmailText } from './EmailText';
import './outbox.css';

/** Local mode only: the server answers with the emails it would have sent (DEV_OUTBOX=1). */
export function OutboxPage() {
  const { t, formatDateTime } = useI18n();
  const [emails, { refetch }] = createResource(listOutbox);

  return (
    <PublicFrame wide>
      <div class="page-header">
        <div>
          <h1>{t('outbox.heading')}</h1>
          <p class="lead">{t('outbox.intro')}</p>
        </div>
        <button type="button" class="button" onClick={() => void refetch()}>
          {t('common.refresh')}
        </button>
      </div>
      <AsyncContent resource={emails} onRetry={() => void refetch()}>
        {(list) => (
          <Show when={list.length > 0} fallback={<p class="card empty">{t('outbox.empty')}</p>}>
            <ol class="outbox-list">
              <For each={list}>
                {(email) => (
                  <li class="card outbox-email">
                    <h2 class="card__title">{email.subject}</h2>
                    <p class="outbox-email__meta muted">
                      <span>{t('outbox.to', { to: email.to })}</span>
                      <span>{t('outbox.sentAt', { time: formatDateTime(email.sentAt) })}</span>
                    </p>
                    <EmailText text={email.text} />
                  </li>
                )}
              </For>
            </ol>
          </Show>
        )}
      </AsyncContent>
    </PublicFrame>
  );
}
