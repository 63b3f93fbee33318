import { createResource, createSignal, For, Show } from 'solid-js';
import type { CreatedWebhookEndpoint, WebhookEndpointView } from '../../../../core/api/index';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { listWebhookEndpoints, setWebhookEnabled } from '../../lib/integrations';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { DeliveryLog } from './DeliveryLog';
import { NewWebhookDialog } from './NewWebhookDialog';
import { ShownOnce } from './ShownOnce';

export function WebhooksSection() {
  const { t } = useI18n();
  const [endpoints, { refetch }] = createResource(listWebhookEndpoints);
  const [creating, setCreating] = createSignal(false);
  const [created, setCreated] = createSignal<CreatedWebhookEndpoint | null>(null);
  const [open, setOpen] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);

  const toggle = async (endpoint: WebhookEndpointView) => {
    setFailure(null);
    try {
      await setWebhookEnabled(endpoint.id, !endpoint.enabled);
      await refetch();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section class="card" aria-labelledby="webhooks-heading">
      <div class="page-header">
        <h2 class="card__title" id="webhooks-heading">
          {t('integrations.hooks.heading')}
        </h2>
        <button type="button" class="button button--primary" onClick={() => setCreating(true)}>
          {t('integrations.hooks.new')}
        </button>
      </div>
      <p class="muted">{t('integrations.hooks.intro')}</p>
      <Show when={created()}>
        {(shown) => (
          <ShownOnce
            label={t('integrations.hooks.secretLabel', { url: shown().endpoint.url })}
            secret={shown().secret}
            onDone={() => setCreated(null)}
          />
        )}
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <AsyncContent resource={endpoints} onRetry={() => void refetch()}>
        {(list) => (
          <Show when={list.length > 0} fallback={<p class="empty">{t('integrations.hooks.empty')}</p>}>
            <ul class="endpoint-list">
              <For each={list}>
                {(endpoint) => (
                  <li class="endpoint-list__item">
                    <div class="endpoint-list__head">
                      <div>
                        <code>{endpoint.url}</code>
                        <Show when={endpoint.description}>
                          <span class="muted"> — {endpoint.description}</span>
                        </Show>
                        <div class="badge-list">
                          <For each={endpoint.eventTypes}>{(type) => <span class="badge">{type}</span>}</For>
                          <Show when={!endpoint.enabled}>
                            <span class="badge badge--muted">{t('integrations.hooks.disabled')}</span>
                          </Show>
                        </div>
                      </div>
                      <div class="button-row">
                        <button
                          type="button"
                          class="button"
                          aria-expanded={open() === endpoint.id}
                          onClick={() => setOpen(open() === endpoint.id ? null : endpoint.id)}
                        >
                          {t('integrations.hooks.deliveries')}
                        </button>
                        <button type="button" class="button" onClick={() => void toggle(endpoint)}>
                          {endpoint.enabled
                            ? t('integrations.hooks.disable')
                            : t('integrations.hooks.enable')}
                        </button>
                      </div>
                    </div>
                    <Show when={open() === endpoint.id}>
                      <DeliveryLog endpointId={endpoint.id} />
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </AsyncContent>
      <NewWebhookDialog
        open={creating()}
        onOpenChange={setCreating}
        onCreated={(made) => {
          setCreating(false);
          setCreated(made);
          void refetch();
        }}
      />
    </section>
  );
}
