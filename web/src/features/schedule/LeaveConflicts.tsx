import { createResource, For, Show } from 'solid-js';
import type { AppointmentView } from '../../../../core/api/appointments';
import { useI18n } from '../../lib/i18n';
import { RetryAlert } from '../../ui/RetryAlert';
import { fetchLeaveConflicts } from './api';
import { formatDateTime } from './time';

/**
 * Appointments that approved leave overlaps: approval moves nothing by itself, so the front desk
 * (or the counselor, for their own) opens each one here to move or cancel it.
 */
export function LeaveConflicts(props: {
  /** Changes whenever the schedule changed, so the list is read again. */
  version: number;
  timeZone: string;
  clientLabel: (clientId: string) => string;
  counselorName: (counselorId: string) => string;
  onOpen: (appointment: AppointmentView) => void;
}) {
  const { t, locale } = useI18n();
  const [conflicts, { refetch }] = createResource(
    () => props.version + 1,
    async () => (await fetchLeaveConflicts()).appointments,
  );
  // reading `latest` of a failed resource throws: the failure gets its own card, with a retry
  const shown = () => (conflicts.state === 'errored' ? [] : (conflicts.latest ?? []));
  return (
    <>
      <Show when={conflicts.state === 'errored'}>
        <section class="card" aria-labelledby="leave-conflicts-title">
          <h2 class="card__title" id="leave-conflicts-title">
            {t('schedule.leaveConflicts.title')}
          </h2>
          <RetryAlert error={conflicts.error} onRetry={() => void refetch()} />
        </section>
      </Show>
      <Show when={shown().length > 0}>
        <section class="card" aria-labelledby="leave-conflicts-title">
          <h2 class="card__title" id="leave-conflicts-title">
            {t('schedule.leaveConflicts.title')}
          </h2>
          <p class="muted">{t('schedule.leaveConflicts.intro')}</p>
          <ul class="schedule-list">
            <For each={shown()}>
              {(appointment) => (
                <li>
                  {formatDateTime(appointment.startAt, props.timeZone, locale())} ·{' '}
                  {props.counselorName(appointment.counselorId)} · {props.clientLabel(appointment.clientId)}{' '}
                  <button type="button" class="button" onClick={() => props.onOpen(appointment)}>
                    {t('schedule.leaveConflicts.open')}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}
