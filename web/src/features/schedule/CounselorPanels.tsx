import { createResource, createSignal, For, Show } from 'solid-js';
import { LEAVE_REASONS, type Shift } from '../../../../core/api/schedule-setup';
import { parseLocalDate, zonedInstant } from '../../../../core/schedule/zoned-time';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import {
  fetchFeed,
  fetchLeave,
  fetchReminders,
  fetchShifts,
  issueFeed,
  requestLeave,
  revokeFeed,
  saveShifts,
  withdrawLeave,
} from './api';
import { Input, Select } from './BookingDialog';
import { DateExceptions } from './DateExceptions';
import { scheduleErrorKey } from './errors';
import { formatDateTime, fromClock, toClock } from './time';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A counselor's own side of the schedule: reminders, working hours, leave and the calendar feed. */
export function CounselorPanels(props: {
  counselorId: string;
  timeZone: string;
  clientLabel: (clientId: string) => string;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const [reminders, { refetch: refetchReminders }] = createResource(
    async () => (await fetchReminders()).appointments,
  );
  return (
    <div class="schedule-panels">
      <section class="card">
        <h2 class="card__title">{t('schedule.reminders.title')}</h2>
        <AsyncContent resource={reminders} onRetry={() => void refetchReminders()}>
          {(list) => (
            <Show when={list.length > 0} fallback={<p class="empty">{t('schedule.reminders.empty')}</p>}>
              <ul class="schedule-list">
                <For each={list}>
                  {(item) => (
                    <li>
                      {formatDateTime(item.startAt, props.timeZone, locale())} ·{' '}
                      {props.clientLabel(item.clientId)}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </AsyncContent>
      </section>
      <WorkingHours counselorId={props.counselorId} onSaved={props.onChanged} />
      <DateExceptions counselorId={props.counselorId} onChanged={props.onChanged} />
      <LeaveRequests timeZone={props.timeZone} />
      <CalendarFeed />
    </div>
  );
}

function WorkingHours(props: { counselorId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [week, setWeek] = createSignal<Record<number, { on: boolean; start: string; end: string }>>({});
  const [loaded] = createResource(async () => {
    const { shifts } = await fetchShifts(props.counselorId);
    const next: Record<number, { on: boolean; start: string; end: string }> = {};
    for (const weekday of WEEKDAYS) {
      const shift = shifts.find((candidate) => candidate.weekday === weekday);
      next[weekday] = shift
        ? { on: true, start: toClock(shift.startMinute), end: toClock(shift.endMinute) }
        : { on: false, start: '09:00', end: '17:00' };
    }
    setWeek(next);
    return true;
  });
  const [message, setMessage] = createSignal<{ tone: 'error' | 'success'; text: string } | null>(null);
  const edit = (weekday: number, change: Partial<{ on: boolean; start: string; end: string }>) =>
    setWeek((current) => ({
      ...current,
      [weekday]: { ...(current[weekday] ?? { on: false, start: '09:00', end: '17:00' }), ...change },
    }));

  const save = async () => {
    const shifts: Shift[] = [];
    for (const weekday of WEEKDAYS) {
      const day = week()[weekday];
      if (!day?.on) continue;
      const startMinute = fromClock(day.start);
      const endMinute = fromClock(day.end === '00:00' ? '24:00' : day.end);
      if (startMinute === null || endMinute === null || endMinute <= startMinute) {
        return setMessage({ tone: 'error', text: t('schedule.hours.invalid') });
      }
      shifts.push({ weekday, startMinute, endMinute });
    }
    try {
      await saveShifts(props.counselorId, { shifts });
      setMessage({ tone: 'success', text: t('schedule.hours.saved') });
      props.onSaved();
    } catch (error) {
      setMessage({ tone: 'error', text: t(scheduleErrorKey(error)) });
    }
  };

  return (
    <section class="card">
      <h2 class="card__title">{t('schedule.hours.title')}</h2>
      <Show when={message()}>{(current) => <Alert tone={current().tone}>{current().text}</Alert>}</Show>
      <Show when={loaded()}>
        <table class="table schedule-hours">
          <tbody>
            <For each={WEEKDAYS}>
              {(weekday) => (
                <tr>
                  <th scope="row">
                    <label>
                      <input
                        type="checkbox"
                        checked={week()[weekday]?.on ?? false}
                        onChange={(event) => edit(weekday, { on: event.currentTarget.checked })}
                      />{' '}
                      {t(`schedule.weekday.${weekday}`)}
                    </label>
                  </th>
                  <td>
                    <input
                      class="field__input"
                      type="time"
                      step="300"
                      aria-label={t('schedule.hours.start', { day: t(`schedule.weekday.${weekday}`) })}
                      value={week()[weekday]?.start ?? '09:00'}
                      disabled={!week()[weekday]?.on}
                      onInput={(event) => edit(weekday, { start: event.currentTarget.value })}
                    />
                  </td>
                  <td>
                    <input
                      class="field__input"
                      type="time"
                      step="300"
                      aria-label={t('schedule.hours.end', { day: t(`schedule.weekday.${weekday}`) })}
                      value={week()[weekday]?.end ?? '17:00'}
                      disabled={!week()[weekday]?.on}
                      onInput={(event) => edit(weekday, { end: event.currentTarget.value })}
                    />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <div class="button-row button-row--end">
          <button type="button" class="button button--primary" onClick={() => void save()}>
            {t('schedule.hours.save')}
          </button>
        </div>
      </Show>
    </section>
  );
}

function LeaveRequests(props: { timeZone: string }) {
  const { t, locale } = useI18n();
  const [leave, { refetch }] = createResource(async () => (await fetchLeave()).leave);
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [reason, setReason] = createSignal<(typeof LEAVE_REASONS)[number]>('annual');
  const [message, setMessage] = createSignal<{ tone: 'error' | 'success'; text: string } | null>(null);

  const submit = async () => {
    const first = parseLocalDate(from());
    const last = parseLocalDate(to() || from());
    if (!first || !last) return setMessage({ tone: 'error', text: t('schedule.leave.invalid') });
    const startAt = zonedInstant(first, 0, props.timeZone);
    const endAt = zonedInstant(last, 1440, props.timeZone);
    if (endAt <= startAt) return setMessage({ tone: 'error', text: t('schedule.leave.invalid') });
    try {
      await requestLeave({ startAt, endAt, reason: reason() });
      setMessage({ tone: 'success', text: t('schedule.leave.requested') });
      void refetch();
    } catch (error) {
      setMessage({ tone: 'error', text: t(scheduleErrorKey(error)) });
    }
  };

  return (
    <section class="card">
      <h2 class="card__title">{t('schedule.leave.title')}</h2>
      <Show when={message()}>{(current) => <Alert tone={current().tone}>{current().text}</Alert>}</Show>
      <div class="field-grid">
        <Input label={t('schedule.leave.from')} type="date" value={from()} onInput={setFrom} />
        <Input label={t('schedule.leave.to')} type="date" value={to()} onInput={setTo} />
        <Select
          label={t('schedule.leave.reason')}
          value={reason()}
          onChange={(value) => setReason(value as (typeof LEAVE_REASONS)[number])}
        >
          <For each={LEAVE_REASONS}>
            {(why) => <option value={why}>{t(`schedule.leaveReason.${why}`)}</option>}
          </For>
        </Select>
      </div>
      <div class="button-row button-row--end">
        <button type="button" class="button" onClick={() => void submit()}>
          {t('schedule.leave.submit')}
        </button>
      </div>
      <AsyncContent resource={leave} onRetry={() => void refetch()}>
        {(list) => (
          <Show when={list.length > 0} fallback={<p class="empty">{t('schedule.leave.empty')}</p>}>
            <ul class="schedule-list">
              <For each={list}>
                {(item) => (
                  <li>
                    {formatDateTime(item.startAt, props.timeZone, locale())} –{' '}
                    {formatDateTime(item.endAt, props.timeZone, locale())} ·{' '}
                    {t(`schedule.leaveReason.${item.reason}`)} ·{' '}
                    <span class="badge">{t(`schedule.leaveStatus.${item.status}`)}</span>
                    <Show when={item.status === 'pending'}>
                      {' '}
                      <button
                        type="button"
                        class="button button--quiet"
                        onClick={() => void withdrawLeave(item.id).then(() => refetch())}
                      >
                        {t('schedule.leave.withdraw')}
                      </button>
                    </Show>
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

function CalendarFeed() {
  const { t } = useI18n();
  const [feed, { refetch }] = createResource(fetchFeed);
  const [link, setLink] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);
  const issue = async () => {
    setFailure(null);
    try {
      const issued = await issueFeed();
      setLink(new URL(issued.path, window.location.origin).href);
      void refetch();
    } catch (error) {
      setFailure(t(scheduleErrorKey(error)));
    }
  };
  const [revoking, setRevoking] = createSignal<true | null>(null);
  const revoke = async () => {
    setFailure(null);
    setRevoking(null);
    try {
      await revokeFeed();
      setLink(null);
      void refetch();
    } catch (error) {
      setFailure(t(scheduleErrorKey(error)));
    }
  };
  return (
    <section class="card">
      <h2 class="card__title">{t('schedule.feed.title')}</h2>
      <p class="muted">{t('schedule.feed.intro')}</p>
      <Show when={failure()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
      <Show when={link()}>
        {(url) => (
          <Alert tone="info">
            {t('schedule.feed.once')} <code class="schedule-feed-link">{url()}</code>
          </Alert>
        )}
      </Show>
      <div class="button-row">
        <button type="button" class="button" onClick={() => void issue()}>
          {feed()?.active ? t('schedule.feed.replace') : t('schedule.feed.issue')}
        </button>
        <Show when={feed()?.active}>
          <button type="button" class="button button--danger" onClick={() => setRevoking(true)}>
            {t('schedule.feed.revoke')}
          </button>
        </Show>
      </div>
      <ConfirmDialog
        subject={revoking()}
        title={() => t('schedule.feed.revokeConfirm')}
        body={() => t('schedule.feed.revokeBody')}
        confirmLabel={t('schedule.feed.revoke')}
        workingLabel={t('schedule.feed.revoking')}
        action={revoke}
        onClose={() => setRevoking(null)}
      />
    </section>
  );
}
