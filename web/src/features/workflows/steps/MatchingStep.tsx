import { createEffect, createMemo, createResource, createSignal, For, on, Show } from 'solid-js';
import { rankCounselors } from '../../../../../core/workflows/matching';
import { openBookingRequestById } from '../../../lib/bookings';
import { handOverCard, listClients } from '../../../lib/clients';
import { useI18n } from '../../../lib/i18n';
import { useVault } from '../../../lib/vault-context';
import { completeWorkflowTask, fetchMatchingFacts } from '../../../lib/workflows';
import { Alert } from '../../../ui/Alert';
import { AsyncContent } from '../../../ui/AsyncContent';
import { createSubmission } from '../../../ui/submission';
import { bookAppointment, fetchTimeZone } from '../../schedule/api';
import { scheduleErrorKey } from '../../schedule/errors';
import { formatDateTime } from '../../schedule/time';
import { RankingList } from './RankingList';
import { stepText } from './step-data';
import type { StepProps } from './WorkflowStepPage';

/**
 * Counselor matching: this browser ranks the counselors from the server's operational facts and
 * the client's preferences in the sealed request, and says why (core/workflows/matching.ts); the front desk picks one and a time, books the first
 * session, wraps the client's contact card to the counselor (as the clients page's hand-over
 * does) and completes the step with who and when.
 */
export function MatchingStep(props: StepProps) {
  const { t, locale } = useI18n();
  const { vault } = useVault();
  const clientId = () => stepText(props.task, 'clientId');
  const [facts, { refetch }] = createResource(() => props.task.id, fetchMatchingFacts);
  const [zone] = createResource(() => fetchTimeZone().then((setting) => setting.timeZone));
  const [clientName] = createResource(clientId, async (id) => {
    const listing = await vault.withKeys(listClients).catch(() => null);
    const name = listing?.clients.find((entry) => entry.id === id)?.card?.name;
    return typeof name === 'string' ? name : null;
  });
  // The client's wishes are in the sealed request: opened here, ranked here, never sent back.
  const [wish] = createResource(
    () => stepText(props.task, 'bookingRequestId'),
    async (id) =>
      (await vault.withKeys((keys) => openBookingRequestById(keys, id)).catch(() => null))?.content
        ?.preferences,
  );
  const ranked = createMemo(() =>
    facts.state === 'ready' && wish.state !== 'pending' ? rankCounselors(facts(), wish()) : [],
  );
  const [chosen, setChosen] = createSignal('');
  const [slot, setSlot] = createSignal<number | null>(null);
  /** What an earlier try already did, so a retry after a failure does not do it twice. */
  const [booked, setBooked] = createSignal<{ counselorId: string; appointmentId: string } | null>(null);
  const { attempted, sending, failure, submit } = createSubmission();

  const zoneName = () => (zone.state === 'ready' ? zone() : 'Asia/Shanghai');
  const time = (instant: number) => formatDateTime(instant, zoneName(), locale());
  const day = (instant: number) =>
    new Intl.DateTimeFormat(locale(), { timeZone: zoneName(), dateStyle: 'medium' }).format(instant);
  const choice = () => ranked().find((entry) => entry.counselor.id === chosen());
  const choose = (counselorId: string) => {
    setChosen(counselorId);
    setSlot(ranked().find((entry) => entry.counselor.id === counselorId)?.offer ?? null);
  };
  // The first in rank is proposed; the front desk may overrule it.
  createEffect(
    on(ranked, (list) => {
      const first = list[0];
      if (!chosen() && first?.offer) choose(first.counselor.id);
    }),
  );

  const book = () => {
    const client = clientId();
    const picked = choice();
    const startAt = slot();
    const serviceId = facts.state === 'ready' ? facts()?.serviceId : null;
    return submit(client !== null && picked !== undefined && startAt !== null && !!serviceId, async () => {
      if (!client || !picked || startAt === null || !serviceId) return;
      const counselorId = picked.counselor.id;
      let done = booked();
      if (done?.counselorId !== counselorId) {
        const { appointments } = await bookAppointment({
          clientId: client,
          counselorId,
          roomId: null,
          serviceId,
          startAt,
          status: 'confirmed',
          weeks: 1,
        });
        done = { counselorId, appointmentId: appointments[0]?.id ?? '' };
        setBooked(done);
      }
      await vault.withKeys((keys) => handOverCard(keys, client, counselorId));
      await completeWorkflowTask(props.task.id, 'completed', {
        counselorId,
        appointmentId: done.appointmentId,
        appointmentStart: startAt,
      });
      props.onDone();
    });
  };

  return (
    <AsyncContent resource={facts} onRetry={() => void refetch()}>
      {(loaded) => (
        <form
          class="card step-form"
          novalidate
          aria-busy={sending()}
          onSubmit={(event) => {
            event.preventDefault();
            void book();
          }}
        >
          <p class="lead">
            {t('steps.match.intro', { name: clientName() ?? t('steps.match.clientUnknown') })}
          </p>
          <Show
            when={loaded.serviceName}
            fallback={<Alert tone="warning">{t('steps.match.noService')}</Alert>}
          >
            {(service) => (
              <p>
                {t('steps.match.service', { service: service(), minutes: String(loaded.durationMinutes) })}
              </p>
            )}
          </Show>
          <Show when={failure()}>
            <Alert tone="error">{t(scheduleErrorKey(failure()))}</Alert>
          </Show>
          <Show when={ranked().length > 0} fallback={<p class="empty">{t('steps.match.noCounselors')}</p>}>
            <RankingList
              ranked={ranked()}
              chosen={chosen()}
              onChoose={choose}
              time={time}
              day={day}
              windowEnd={loaded.windowEnd}
              disabled={sending()}
            />
          </Show>
          <Show when={attempted() && !choice()}>
            <Alert tone="error">{t('steps.match.chooseFirst')}</Alert>
          </Show>
          <Show when={attempted() && choice() && slot() === null}>
            <Alert tone="error">{t('steps.match.noOffer')}</Alert>
          </Show>
          <Show when={choice()}>
            {(picked) => (
              <div class="field">
                <label class="field__label" for="match-slot">
                  {t('steps.match.slot')}
                </label>
                <select
                  id="match-slot"
                  class="field__select"
                  value={String(slot() ?? '')}
                  disabled={sending()}
                  onChange={(event) => setSlot(Number(event.currentTarget.value) || null)}
                >
                  <For each={picked().counselor.freeStarts}>
                    {(start) => <option value={String(start)}>{time(start)}</option>}
                  </For>
                </select>
              </div>
            )}
          </Show>
          <div class="button-row button-row--end">
            <button type="submit" class="button button--primary" disabled={sending() || !loaded.serviceId}>
              {sending() ? t('steps.match.submitting') : t('steps.match.submit')}
            </button>
          </div>
        </form>
      )}
    </AsyncContent>
  );
}
