import { createResource, createSignal, Show } from 'solid-js';
import { createFrontDeskKey, frontDeskStatus } from '../../lib/clients';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';

/**
 * The front-desk group key (PROTOCOL §4): the admin's browser makes the first pair for the
 * certified front-desk members and keeps no copy; members take care of it from then on.
 */
export function FrontDeskKeyPanel(props: { refresh: number }) {
  const { t } = useI18n();
  const { vault } = useVault();
  const [status, { refetch }] = createResource(() => props.refresh, frontDeskStatus);
  const [creating, setCreating] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [created, setCreated] = createSignal(false);

  const create = async () => {
    if (creating()) return;
    setCreating(true);
    setFailure(null);
    try {
      await vault.withKeys((keys) => createFrontDeskKey(keys, t('frontDesk.groupName')));
      setCreated(true);
      void refetch();
    } catch (error) {
      setFailure(error);
    } finally {
      setCreating(false);
    }
  };

  return (
    <section class="card" aria-labelledby="front-desk-heading">
      <h2 class="card__title" id="front-desk-heading">
        {t('frontDesk.heading')}
      </h2>
      <p class="muted">{t('frontDesk.intro')}</p>
      <Show when={created()}>
        <Alert tone="success">{t('frontDesk.created')}</Alert>
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <AsyncContent resource={status} onRetry={() => void refetch()}>
        {(value) => (
          <Show
            when={value.key}
            fallback={
              <div class="button-row">
                <p>{value.members > 0 ? t('frontDesk.none') : t('frontDesk.noMembers')}</p>
                <Show when={value.members > 0}>
                  <button
                    type="button"
                    class="button button--primary"
                    disabled={creating()}
                    onClick={() => void create()}
                  >
                    {creating() ? t('frontDesk.creating') : t('frontDesk.create')}
                  </button>
                </Show>
              </div>
            }
          >
            {(key) => <p>{t('frontDesk.exists', { epoch: key().epoch + 1, members: value.members })}</p>}
          </Show>
        )}
      </AsyncContent>
    </section>
  );
}
