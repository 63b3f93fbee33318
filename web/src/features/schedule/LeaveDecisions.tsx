import { createResource, createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { decideLeave, fetchCounselors, fetchLeave, fetchTimeZone } from './api';
import { scheduleErrorKey } from './errors';
import { formatDateTime } from './time';

/** A director's queue of leave requests; an approval lists the appointments the front desk must move. */
export function LeaveDecisions(props: { onDecided: () => void }) {
  const { t, locale } = useI18n();
  const [pending, { refetch }] = createResource(async () => {
    const [{ leave }, { counselors }, { timeZone }] = await Promise.all([
      fetchLeave(),
      fetchCounselors(),
      fetchTimeZone(),
    ]);
    const names = new Map(counselors.map((person) => [person.id, person.displayName]));
    return { timeZone, names, leave: leave.filter((item) => item.status === 'pending') };
  });
  const [message, setMessage] = createSignal<{ tone: 'error' | 'success'; text: string } | null>(null);

  const decide = async (id: string, decision: 'approved' | 'rejected') => {
    setMessage(null);
    try {
      const decided = await decideLeave(id, decision);
      const moved = decided.overlapping?.length ?? 0;
      setMessage({
        tone: 'success',
        text:
          decision === 'approved'
            ? t('schedule.decide.approved', { count: moved })
            : t('schedule.decide.rejected'),
      });
      void refetch();
      props.onDecided();
    } catch (error) {
      setMessage({ tone: 'error', text: t(scheduleErrorKey(error)) });
    }
  };

  return (
    <section class="card">
      <h2 class="card__title">{t('schedule.decide.title')}</h2>
      <Show when={message()}>{(current) => <Alert tone={current().tone}>{current().text}</Alert>}</Show>
      <AsyncContent resource={pending} onRetry={() => void refetch()}>
        {(view) => (
          <Show when={view.leave.length > 0} fallback={<p class="empty">{t('schedule.decide.empty')}</p>}>
            <ul class="schedule-list">
              <For each={view.leave}>
                {(item) => (
                  <li>
                    {view.names.get(item.counselorId) ?? '—'} ·{' '}
                    {formatDateTime(item.startAt, view.timeZone, locale())} –{' '}
                    {formatDateTime(item.endAt, view.timeZone, locale())} ·{' '}
                    {t(`schedule.leaveReason.${item.reason}`)}{' '}
                    <button
                      type="button"
                      class="button button--primary"
                      onClick={() => void decide(item.id, 'approved')}
                    >
                      {t('schedule.decide.approve')}
                    </button>{' '}
                    <button type="button" class="button" onClick={() => void decide(item.id, 'rejected')}>
                      {t('schedule.decide.reject')}
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
