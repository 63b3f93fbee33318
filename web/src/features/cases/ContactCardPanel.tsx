import { For, Show } from 'solid-js';
import type { ContactCard } from '../../../../crypto/index';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { RetryAlert } from '../../ui/RetryAlert';

const CONTACT_FIELDS = ['name', 'phone', 'email', 'emergencyContact'] as const;

/** The client's contact card, decrypted here when it is shared with me (its own compartment). */
export function ContactCardPanel(props: {
  card: ContactCard | null | undefined;
  loading: boolean;
  error: unknown;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="contact-heading">
      <h2 class="card__title" id="contact-heading">
        {t('case.contact.heading')}
      </h2>
      <Show
        when={!props.error}
        fallback={
          <Show when={props.onRetry} fallback={<Alert tone="error">{t(errorMessageKey(props.error))}</Alert>}>
            {(retry) => <RetryAlert error={props.error} onRetry={retry()} />}
          </Show>
        }
      >
        <Show when={!props.loading} fallback={<Loading label={t('case.contact.opening')} />}>
          <Show when={props.card} fallback={<p class="muted">{t('case.contact.notShared')}</p>}>
            {(card) => (
              <dl class="contact-card">
                <For each={CONTACT_FIELDS.filter((field) => typeof card()[field] === 'string')}>
                  {(field) => (
                    <div class="contact-card__item">
                      <dt>{t(`case.contact.${field}`)}</dt>
                      <dd>{String(card()[field])}</dd>
                    </div>
                  )}
                </For>
              </dl>
            )}
          </Show>
        </Show>
      </Show>
    </section>
  );
}
