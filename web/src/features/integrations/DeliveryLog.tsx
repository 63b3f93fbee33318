import { createResource, createSignal, Show } from 'solid-js';
import type { WebhookDeliveryView } from '../../../../core/api/index';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { listDeliveries, redeliver } from '../../lib/integrations';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { DataTable } from '../../ui/DataTable';

const STATUS_BADGE: Record<WebhookDeliveryView['status'], string> = {
  succeeded: 'badge',
  pending: 'badge badge--warning',
  failed: 'badge badge--muted',
};

/** One endpoint's recent deliveries with each response code, and a way to send one again. */
export function DeliveryLog(props: { endpointId: string }) {
  const { t, formatDateTime } = useI18n();
  const [deliveries, { refetch }] = createResource(() => props.endpointId, listDeliveries);
  const [failure, setFailure] = createSignal<unknown>(null);

  const again = async (delivery: WebhookDeliveryView) => {
    setFailure(null);
    try {
      await redeliver(props.endpointId, delivery.id);
      await refetch();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <div class="delivery-log">
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <AsyncContent resource={deliveries} onRetry={() => void refetch()}>
        {(list) => (
          <DataTable
            items={list}
            empty={t('integrations.hooks.log.empty')}
            columns={[
              t('integrations.hooks.log.time'),
              t('integrations.hooks.log.event'),
              t('integrations.hooks.log.status'),
              { label: t('integrations.hooks.log.attempts'), numeric: true },
              t('integrations.hooks.log.responses'),
              { label: t('integrations.keys.col.actions'), hidden: true },
            ]}
            caption={t('integrations.hooks.log.caption')}
          >
            {(delivery) => (
              <tr>
                <td>{formatDateTime(delivery.createdAt)}</td>
                <td>
                  <code>{delivery.eventType}</code>
                </td>
                <td>
                  <span class={STATUS_BADGE[delivery.status]}>
                    {t(`integrations.hooks.status.${delivery.status}`)}
                  </span>
                  <Show when={delivery.status === 'pending' && delivery.nextAttemptAt}>
                    {(next) => (
                      <span class="muted">
                        {' '}
                        {t('integrations.hooks.next', { time: formatDateTime(next()) })}
                      </span>
                    )}
                  </Show>
                </td>
                <td class="numeric">{delivery.attempts}</td>
                <td>
                  {delivery.log
                    .map((attempt) => attempt.statusCode ?? t('integrations.hooks.noResponse'))
                    .join(' · ')}
                </td>
                <td>
                  <Show when={delivery.attempts > 0}>
                    <button type="button" class="button" onClick={() => void again(delivery)}>
                      {t('integrations.hooks.redeliver')}
                    </button>
                  </Show>
                </td>
              </tr>
            )}
          </DataTable>
        )}
      </AsyncContent>
    </div>
  );
}
