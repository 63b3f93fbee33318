import { createResource, createSignal, For, Show } from 'solid-js';
import { type AvailabilityException, EXCEPTION_KINDS } from '../../../../core/api/schedule-setup';
import { parseLocalDate } from '../../../../core/schedule/zoned-time';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { addException, fetchExceptions, removeException } from './api';
import { Input, Select } from './BookingDialog';
import { scheduleErrorKey } from './errors';
import { fromClock, toClock } from './time';

/** One date's change to the weekly hours: blocked (a dentist at 14:00) or extra (a Saturday clinic). */
export function DateExceptions(props: { counselorId: string; onChanged: () => void }) {
  const { t } = useI18n();
  const [list, { refetch }] = createResource(
    async () => (await fetchExceptions(props.counselorId)).exceptions,
  );
  const [date, setDate] = createSignal('');
  const [kind, setKind] = createSignal<(typeof EXCEPTION_KINDS)[number]>('blocked');
  const [start, setStart] = createSignal('09:00');
  const [end, setEnd] = createSignal('18:00');
  const [message, setMessage] = createSignal<{ tone: 'error' | 'success'; text: string } | null>(null);

  const changed = (text: string) => {
    setMessage({ tone: 'success', text });
    void refetch();
    props.onChanged();
  };
  const add = async () => {
    const startMinute = fromClock(start());
    const endMinute = fromClock(end() === '00:00' ? '24:00' : end());
    if (!parseLocalDate(date()) || startMinute === null || endMinute === null || endMinute <= startMinute) {
      return setMessage({ tone: 'error', text: t('schedule.exceptions.invalid') });
    }
    try {
      await addException(props.counselorId, { date: date(), kind: kind(), startMinute, endMinute });
      changed(t('schedule.exceptions.saved'));
    } catch (error) {
      setMessage({ tone: 'error', text: t(scheduleErrorKey(error)) });
    }
  };
  const [removing, setRemoving] = createSignal<AvailabilityException | null>(null);
  const describe = (item: AvailabilityException) =>
    `${item.date} ${toClock(item.startMinute)}–${toClock(item.endMinute)} · ${t(`schedule.exceptions.${item.kind}`)}`;
  const remove = async (item: AvailabilityException) => {
    setRemoving(null);
    try {
      await removeException(item.id);
      changed(t('schedule.exceptions.removed'));
    } catch (error) {
      setMessage({ tone: 'error', text: t(scheduleErrorKey(error)) });
    }
  };

  return (
    <section class="card">
      <h2 class="card__title">{t('schedule.exceptions.title')}</h2>
      <Show when={message()}>{(current) => <Alert tone={current().tone}>{current().text}</Alert>}</Show>
      <div class="field-grid">
        <Input label={t('schedule.exceptions.date')} type="date" value={date()} onInput={setDate} />
        <Select
          label={t('schedule.exceptions.kind')}
          value={kind()}
          onChange={(value) => setKind(value === 'extra' ? 'extra' : 'blocked')}
        >
          <For each={EXCEPTION_KINDS}>
            {(option) => <option value={option}>{t(`schedule.exceptions.${option}`)}</option>}
          </For>
        </Select>
        <Input
          label={t('schedule.exceptions.from')}
          type="time"
          step="300"
          value={start()}
          onInput={setStart}
        />
        <Input label={t('schedule.exceptions.to')} type="time" step="300" value={end()} onInput={setEnd} />
      </div>
      <div class="button-row button-row--end">
        <button type="button" class="button" onClick={() => void add()}>
          {t('schedule.exceptions.add')}
        </button>
      </div>
      <AsyncContent resource={list} onRetry={() => void refetch()}>
        {(items) => (
          <Show when={items.length > 0} fallback={<p class="empty">{t('schedule.exceptions.empty')}</p>}>
            <ul class="schedule-list">
              <For each={items}>
                {(item) => (
                  <li>
                    {describe(item)}{' '}
                    <button
                      type="button"
                      class="button button--quiet"
                      aria-label={t('schedule.exceptions.removeNamed', { exception: describe(item) })}
                      onClick={() => setRemoving(item)}
                    >
                      {t('schedule.exceptions.remove')}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </AsyncContent>
      <ConfirmDialog
        subject={removing()}
        title={(item) => t('schedule.exceptions.removeConfirm', { exception: describe(item) })}
        body={() => t('schedule.exceptions.removeBody')}
        confirmLabel={t('schedule.exceptions.remove')}
        workingLabel={t('schedule.exceptions.removing')}
        action={remove}
        onClose={() => setRemoving(null)}
      />
    </section>
  );
}
