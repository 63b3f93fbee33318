import { createResource, createSignal, Show } from 'solid-js';
import { CLIENT_CHANNELS } from '../../../../../core/api/index';
import { contactFieldsOf, openBookingRequestById } from '../../../lib/bookings';
import { type ClientChannel, type ContactFields, createClient } from '../../../lib/clients';
import { errorMessageKey } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useVault } from '../../../lib/vault-context';
import { completeWorkflowTask } from '../../../lib/workflows';
import { Alert } from '../../../ui/Alert';
import { AsyncContent } from '../../../ui/AsyncContent';
import { createSubmission } from '../../../ui/submission';
import { BookingRequestFacts, serviceNames } from '../../bookings/BookingRequestFacts';
import { ContactCardFields, EMPTY_CONTACT } from '../../clients/ContactCardFields';
import { fetchTimeZone } from '../../schedule/api';
import { BookingPreferencesLine } from './BookingPreferencesLine';
import { stepText } from './step-data';
import type { StepProps } from './WorkflowStepPage';

const channelOf = (channel: string): ClientChannel =>
  (CLIENT_CHANNELS as readonly string[]).includes(channel) ? (channel as ClientChannel) : 'website';

/**
 * Front-desk screening: the sealed request opens in this browser with the front-desk key
 * (PROTOCOL §7); passing it registers the client's contact card, encrypted here as the clients
 * page does, and hands the process the client's id. Declining ends the process.
 */
export function ScreeningStep(props: StepProps) {
  const { t } = useI18n();
  const { vault } = useVault();
  const requestId = () => stepText(props.task, 'bookingRequestId');
  const [opened, { refetch }] = createResource(requestId, (id) =>
    vault.withKeys((keys) => openBookingRequestById(keys, id)),
  );
  const [services] = createResource(() => serviceNames().catch(() => new Map<string, string>()));
  const [zone] = createResource(() => fetchTimeZone().then((setting) => setting.timeZone));
  const [card, setCard] = createSignal<ContactFields | null>(null);
  /** Registered on an earlier try whose completion failed: not registered twice. */
  const [registered, setRegistered] = createSignal<string | null>(null);
  const { attempted, sending, failure, submit } = createSubmission();

  const fields = () => {
    const content = opened.state === 'ready' ? opened()?.content : null;
    return card() ?? (content ? contactFieldsOf(content) : EMPTY_CONTACT);
  };

  const approve = () =>
    submit(fields().name.trim() !== '', async () => {
      const channel = channelOf(opened.state === 'ready' ? (opened()?.request.channel ?? '') : '');
      const clientId =
        registered() ?? (await vault.withKeys((keys) => createClient(keys, { card: fields(), channel })));
      setRegistered(clientId);
      await completeWorkflowTask(props.task.id, 'approved', { clientId });
      props.onDone();
    });
  const decline = () =>
    submit(true, async () => {
      await completeWorkflowTask(props.task.id, 'rejected');
      props.onDone();
    });

  return (
    <Show when={requestId()} fallback={<Alert tone="error">{t('steps.requestMissing')}</Alert>}>
      <AsyncContent resource={opened} onRetry={() => void refetch()}>
        {(item) => (
          <Show when={item} fallback={<Alert tone="error">{t('steps.requestMissing')}</Alert>}>
            {(found) => (
              <form
                class="step-form"
                novalidate
                aria-busy={sending()}
                onSubmit={(event) => {
                  event.preventDefault();
                  void approve();
                }}
              >
                <section class="card" aria-labelledby="screen-request-heading">
                  <h2 id="screen-request-heading">{t('bookings.heading')}</h2>
                  <p class="muted">{t('steps.sealedNote')}</p>
                  <Show
                    when={found().content}
                    fallback={<Alert tone="warning">{t('bookings.sealedEarlier')}</Alert>}
                  >
                    {(content) => (
                      <div class="step-request" data-testid="opened-request">
                        <p>
                          <strong>{content().name}</strong> <span>{content().contact}</span>
                        </p>
                        <p class="step-request__concern">
                          <span class="muted">{t('steps.screen.concern')}：</span>
                          {content().concern || t('steps.screen.noConcern')}
                        </p>
                        <BookingPreferencesLine preferences={content().preferences} />
                      </div>
                    )}
                  </Show>
                  <BookingRequestFacts request={found().request} services={services()} timeZone={zone()} />
                </section>
                <section class="card">
                  <p class="lead">{t('steps.screen.intro')}</p>
                  <Show when={failure()}>
                    <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
                  </Show>
                  <ContactCardFields
                    value={fields()}
                    onChange={setCard}
                    attempted={attempted()}
                    disabled={sending() || registered() !== null}
                  />
                  <div class="button-row button-row--end">
                    <button type="button" class="button" disabled={sending()} onClick={() => void decline()}>
                      {t('steps.screen.decline')}
                    </button>
                    <button type="submit" class="button button--primary" disabled={sending()}>
                      {sending() ? t('steps.screen.approving') : t('steps.screen.approve')}
                    </button>
                  </div>
                </section>
              </form>
            )}
          </Show>
        )}
      </AsyncContent>
    </Show>
  );
}
