import { createResource, createSignal, For, Show } from 'solid-js';
import { exportClient, listMyClients, saveFile } from '../../lib/compliance';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { OperationProgress } from '../../ui/OperationProgress';

/** A key holder exports a client's data, decrypted in this browser, for the client to take away. */
export function ClientExportSection() {
  const { t } = useI18n();
  const { vault } = useVault();
  const [clients, { refetch }] = createResource(() => vault.withKeys((keys) => listMyClients(keys)));
  const [busy, setBusy] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<number | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);

  const download = async (clientId: string) => {
    setBusy(clientId);
    setDone(null);
    setFailure(null);
    try {
      const file = await vault.withKeys((keys) => exportClient(keys, clientId));
      saveFile(file);
      setDone(file.events);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="card" aria-labelledby="export-heading">
      <h2 class="card__title" id="export-heading">
        {t('rights.export.heading')}
      </h2>
      <p class="muted">{t('rights.export.intro')}</p>
      <Show when={busy() !== null}>
        <OperationProgress label={t('rights.export.running')} />
      </Show>
      <Show when={done() !== null}>
        <Alert tone="success">{t('rights.export.done', { count: done() ?? 0 })}</Alert>
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <AsyncContent resource={clients} onRetry={() => void refetch()}>
        {(list) => (
          <Show when={list.length > 0} fallback={<p class="empty">{t('rights.export.empty')}</p>}>
            <ul class="pending-list">
              <For each={list}>
                {(client) => (
                  <li class="pending-list__item">
                    <span class="pending-list__who">
                      <strong>
                        {typeof client.contact?.name === 'string'
                          ? client.contact.name
                          : t('rights.export.unknownClient', {
                              id: client.clientId.slice(0, 8).toUpperCase(),
                            })}
                      </strong>
                      <span class="muted">{t('rights.export.cases', { count: client.cases.length })}</span>
                    </span>
                    <span />
                    <button
                      type="button"
                      class="button"
                      disabled={busy() !== null}
                      onClick={() => void download(client.clientId)}
                    >
                      {t('rights.export.button')}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </AsyncContent>
    </section>
  );
}
