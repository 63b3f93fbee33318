import { createResource, createSignal, For, Show } from 'solid-js';
import { listClients } from '../../lib/clients';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { EmptyState } from '../../ui/EmptyState';
import { NewClientDialog } from './NewClientDialog';
import { type ReminderClient, ReminderOptInDialog } from './ReminderOptInDialog';
import { ShareClientDialog } from './ShareClientDialog';
import './clients.css';

/**
 * The front desk's clients: contact cards opened with the front-desk key in this browser (the
 * server holds only ciphertext). Registering a client makes a card without a case; handing it to a
 * counselor lets them open the case.
 */
export function ClientsPage() {
  const { t, formatDate } = useI18n();
  const { vault } = useVault();
  const [listing, { refetch }] = createResource(() => vault.withKeys(listClients));
  const [creating, setCreating] = createSignal(false);
  const [sharing, setSharing] = createSignal<{ id: string; name: string } | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [reminding, setReminding] = createSignal<ReminderClient | null>(null);

  const text = (value: unknown) => (typeof value === 'string' ? value : '');

  return (
    <div class="clients-page">
      <div class="page-header">
        <h1>{t('clients.heading')}</h1>
        <button type="button" class="button button--primary" onClick={() => setCreating(true)}>
          {t('clients.new')}
        </button>
      </div>
      <p class="muted">{t('clients.intro')}</p>
      <Show when={notice()}>
        <Alert tone="success">{notice()}</Alert>
      </Show>
      <section class="card">
        <AsyncContent resource={listing} onRetry={() => void refetch()}>
          {(value) => (
            <>
              <Show when={!value.holdsFrontDeskKey}>
                <Alert tone="info">{t('clients.noKey')}</Alert>
              </Show>
              <Show
                when={value.clients.length > 0}
                fallback={<EmptyState title={t('clients.empty')} hint={t('clients.emptyHint')} />}
              >
                <div class="table-wrap">
                  <table class="table">
                    <thead>
                      <tr>
                        <th scope="col">{t('clients.col.name')}</th>
                        <th scope="col">{t('clients.col.phone')}</th>
                        <th scope="col">{t('clients.col.channel')}</th>
                        <th scope="col">{t('clients.col.registered')}</th>
                        <th scope="col">
                          <span class="visually-hidden">{t('clients.col.actions')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={value.clients}>
                        {(client) => (
                          <tr>
                            <Show
                              when={client.card}
                              fallback={
                                <td colSpan={2} class="clients-page__unreadable">
                                  {t('clients.unreadable')}
                                </td>
                              }
                            >
                              {(card) => (
                                <>
                                  <td>{text(card().name)}</td>
                                  <td>{text(card().phone)}</td>
                                </>
                              )}
                            </Show>
                            <td>
                              {client.channel ? t(`cases.clientChannel.${client.channel}` as MessageKey) : ''}
                            </td>
                            <td>{formatDate(client.createdAt)}</td>
                            <td>
                              <Show when={client.card}>
                                {(card) => (
                                  <>
                                    <button
                                      type="button"
                                      class="button button--quiet"
                                      onClick={() => setSharing({ id: client.id, name: text(card().name) })}
                                    >
                                      {t('clients.shareAction')}
                                    </button>
                                    <button
                                      type="button"
                                      class="button button--quiet"
                                      aria-label={t('clients.reminders.action', { name: text(card().name) })}
                                      onClick={() =>
                                        setReminding({
                                          id: client.id,
                                          name: text(card().name),
                                          email: text(card().email),
                                        })
                                      }
                                    >
                                      {t('clients.reminders.short')}
                                    </button>
                                  </>
                                )}
                              </Show>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
            </>
          )}
        </AsyncContent>
      </section>
      <ReminderOptInDialog
        client={reminding()}
        onOpenChange={(open) => {
          if (!open) setReminding(null);
        }}
        onSaved={(message) => {
          setReminding(null);
          setNotice(message);
        }}
      />
      <NewClientDialog
        open={creating()}
        onOpenChange={setCreating}
        onCreated={() => {
          setCreating(false);
          setNotice(t('clients.created'));
          void refetch();
        }}
      />
      <ShareClientDialog
        client={sharing()}
        onOpenChange={(open) => {
          if (!open) setSharing(null);
        }}
        onShared={(counselor) => {
          setNotice(t('clients.shared', { name: sharing()?.name ?? '', counselor: counselor.displayName }));
          setSharing(null);
        }}
      />
    </div>
  );
}
