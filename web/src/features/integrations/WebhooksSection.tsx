import { createResource, createSignal, For, Show } from 'solid-js';
import type { CreatedWebhookEndpoint } from '../../../../core/api/index';
import { useI18n } from '../../lib/i18n';
import { listWebhookEndpoints, setWebhookEnabled } from '../../lib/integrations';
import { DeliveryLog } from './DeliveryLog';
import { NewWebhookDialog } from './NewWebhookDialog';
import { createRowAction, SecretsSection } from './SecretsSection';

export function WebhooksSection() {
  const { t } = useI18n();
  const [endpoints, { refetch }] = createResource(listWebhookEndpoints);
  const [creating, setCreating] = createSignal(false);
  const [created, setCreated] = createSignal<CreatedWebhookEndpoint | null>(null);
  const [open, setOpen] = createSignal<string | null>(null);
  const { failure, run } = createRowAction(refetch);
  const shown = () => {
    const made = created();
    return (
      made && { label: t('integrations.hooks.secretLabel', { url: made.endpoint.url }), secret: made.secret }
    );
  };

  return (
    <SecretsSection
      id="webhooks-heading"
      heading={t('integrations.hooks.heading')}
      intro={t('integrations.hooks.intro')}
      newLabel={t('integrations.hooks.new')}
      empty={t('integrations.hooks.empty')}
      emptyHint={t('integrations.hooks.emptyHint')}
      items={endpoints}
      onRetry={() => void refetch()}
      onNew={() => setCreating(true)}
      shown={shown()}
      onShownDone={() => setCreated(null)}
      failure={failure()}
      list={(list) => (
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
                    <button
                      type="button"
                      class="button"
                      onClick={() => void run(() => setWebhookEnabled(endpoint.id, !endpoint.enabled))}
                    >
                      {endpoint.enabled ? t('integrations.hooks.disable') : t('integrations.hooks.enable')}
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
      )}
    >
      <NewWebhookDialog
        open={creating()}
        onOpenChange={setCreating}
        onCreated={(made) => {
          setCreating(false);
          setCreated(made);
          void refetch();
        }}
      />
    </SecretsSection>
  );
}
