import { createResource, createSignal, For, Show } from 'solid-js';
import type { ApiKeyView, CreatedApiKey } from '../../../../core/api/index';
import { useI18n } from '../../lib/i18n';
import { listApiKeys, revokeApiKey } from '../../lib/integrations';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { NewApiKeyDialog } from './NewApiKeyDialog';
import { SecretsSection } from './SecretsSection';

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
  const [revoking, setRevoking] = createSignal<ApiKeyView | null>(null);
  const shown = () => {
    const made = created();
    return (
      made && { label: t('integrations.keys.secretLabel', { name: made.key.name }), secret: made.secret }
    );
  };

  return (
    <SecretsSection
      id="api-keys-heading"
      heading={t('integrations.keys.heading')}
      intro={t('integrations.keys.intro')}
      newLabel={t('integrations.keys.new')}
      empty={t('integrations.keys.empty')}
      emptyHint={t('integrations.keys.emptyHint')}
      items={keys}
      onRetry={() => void refetch()}
      onNew={() => setCreating(true)}
      shown={shown()}
      onShownDone={() => setCreated(null)}
      failure={null}
      list={(list) => (
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
                            onClick={() => setRevoking(key)}
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
      )}
    >
      <NewApiKeyDialog
        open={creating()}
        onOpenChange={setCreating}
        onCreated={(made) => {
          setCreating(false);
          setCreated(made);
          void refetch();
        }}
      />
      <ConfirmDialog
        subject={revoking()}
        title={(key) => t('integrations.keys.revokeTitle', { name: key.name })}
        body={(key) => t('integrations.keys.revokeBody', { prefix: key.prefix })}
        confirmLabel={t('integrations.keys.revoke')}
        workingLabel={t('integrations.keys.revoking')}
        tone="danger"
        action={async (key) => {
          await revokeApiKey(key.id);
          setRevoking(null);
          await refetch();
        }}
        onClose={() => setRevoking(null)}
      />
    </SecretsSection>
  );
}
