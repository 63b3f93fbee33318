import { createResource, createSignal, For, Show } from 'solid-js';
import type { ApiKeyView, CreatedApiKey } from '../../../../core/api/index';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { listApiKeys, revokeApiKey } from '../../lib/integrations';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { NewApiKeyDialog } from './NewApiKeyDialog';
import { ShownOnce } from './ShownOnce';

function keyState(key: ApiKeyView, now: number): 'active' | 'revoked' | 'expired' {
  if (key.revokedAt !== null) return 'revoked';
  if (key.expiresAt !== 0 && key.expiresAt <= now) return 'expired';
  return 'active';
}

export function ApiKeysSection() {
  const { t, formatDate, formatDateTime } = useI18n();
  const [keys, { refetch }] = createResource(listApiKeys);
  const [creating, setCreating] = createSignal(false);
  const [created, setCreated] = createSignal<CreatedApiKey | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);

  const revoke = async (key: ApiKeyView) => {
    setFailure(null);
    try {
      await revokeApiKey(key.id);
      await refetch();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section class="card" aria-labelledby="api-keys-heading">
      <div class="page-header">
        <h2 class="card__title" id="api-keys-heading">
          {t('integrations.keys.heading')}
        </h2>
        <button type="button" class="button button--primary" onClick={() => setCreating(true)}>
          {t('integrations.keys.new')}
        </button>
      </div>
      <p class="muted">{t('integrations.keys.intro')}</p>
      <Show when={created()}>
        {(shown) => (
          <ShownOnce
            label={t('integrations.keys.secretLabel', { name: shown().key.name })}
            secret={shown().secret}
            onDone={() => setCreated(null)}
          />
        )}
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <AsyncContent resource={keys} onRetry={() => void refetch()}>
        {(list) => (
          <Show when={list.length > 0} fallback={<p class="empty">{t('integrations.keys.empty')}</p>}>
            <div class="table-wrap">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('integrations.keys.col.name')}</th>
                    <th scope="col">{t('integrations.keys.col.key')}</th>
                    <th scope="col">{t('integrations.keys.col.scopes')}</th>
                    <th scope="col">{t('integrations.keys.col.expires')}</th>
                    <th scope="col">{t('integrations.keys.col.lastUsed')}</th>
                    <th scope="col">{t('integrations.keys.col.state')}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t('integrations.keys.col.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list}>
                    {(key) => {
                      const state = keyState(key, Date.now());
                      return (
                        <tr>
                          <td>{key.name}</td>
                          <td>
                            <code>{key.prefix}…</code>
                          </td>
                          <td>
                            <span class="badge-list">
                              <For each={key.scopes}>{(scope) => <span class="badge">{scope}</span>}</For>
                            </span>
                          </td>
                          <td>
                            {key.expiresAt === 0 ? t('integrations.keys.never') : formatDate(key.expiresAt)}
                          </td>
                          <td>
                            {key.lastUsedAt === null
                              ? t('integrations.keys.unused')
                              : formatDateTime(key.lastUsedAt)}
                          </td>
                          <td>
                            <span class={state === 'active' ? 'badge' : 'badge badge--muted'}>
                              {t(`integrations.keys.state.${state}`)}
                            </span>
                          </td>
                          <td>
                            <Show when={state === 'active'}>
                              <button
                                type="button"
                                class="button button--danger"
                                onClick={() => void revoke(key)}
                                aria-label={t('integrations.keys.revokeNamed', { name: key.name })}
                              >
                                {t('integrations.keys.revoke')}
                              </button>
                            </Show>
                          </td>
                        </tr>
                      );
                    }}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </AsyncContent>
      <NewApiKeyDialog
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
