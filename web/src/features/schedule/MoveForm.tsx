import { createSignal, For, Show } from 'solid-js';
import type { AppointmentView, SeriesScope } from '../../../../core/api/appointments';
import type { RoomView } from '../../../../core/api/schedule-setup';
import {
  formatLocalDate,
  localDateOf,
  parseLocalDate,
  zonedInstant,
} from '../../../../core/schedule/zoned-time';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { moveSeries, rescheduleAppointment } from './api';
import { Input, Select } from './BookingDialog';
import { scheduleErrorKey } from './errors';
import { fromClock, minuteOfDay, toClock } from './time';

/** This appointment alone, or with its weekly series (this and following, or all of it). */
export type MoveScope = 'one' | SeriesScope;

/**
 * Rescheduling without a pointer: the same move as dragging, typed in. For a series, the other
 * sessions move by the same number of days to the same local time, all or none.
 */
export function MoveForm(props: {
  appointment: AppointmentView;
  timeZone: string;
  rooms: readonly RoomView[];
  scope: MoveScope;
  onMoved: () => void;
}) {
  const { t } = useI18n();
  const [date, setDate] = createSignal(
    formatLocalDate(localDateOf(props.appointment.startAt, props.timeZone)),
  );
  const [time, setTime] = createSignal(toClock(minuteOfDay(props.appointment.startAt, props.timeZone)));
  const [roomId, setRoomId] = createSignal(props.appointment.roomId ?? '');
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);

  const move = async () => {
    const day = parseLocalDate(date());
    const minute = fromClock(time());
    if (!day || minute === null || minute % 5 !== 0) return setFailure(t('schedule.book.badTime'));
    setSending(true);
    setFailure(null);
    try {
      const change = { startAt: zonedInstant(day, minute, props.timeZone), roomId: roomId() || null };
      if (props.scope === 'one') await rescheduleAppointment(props.appointment.id, change);
      else await moveSeries(props.appointment.id, { ...change, scope: props.scope });
      props.onMoved();
    } catch (error) {
      setFailure(`${t('schedule.moveRefused')} ${t(scheduleErrorKey(error))}`);
    } finally {
      setSending(false);
    }
  };

  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{t('schedule.details.move')}</legend>
      <Show when={failure()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
      <div class="field-grid">
        <Input
          label={t('schedule.field.date')}
          type="date"
          value={date()}
          onInput={setDate}
          disabled={sending()}
        />
        <Input
          label={t('schedule.field.time')}
          type="time"
          step="300"
          value={time()}
          onInput={setTime}
          disabled={sending()}
        />
        <Select label={t('schedule.field.room')} value={roomId()} onChange={setRoomId} disabled={sending()}>
          <option value="">{t('schedule.noRoom')}</option>
          <For each={props.rooms.filter((room) => room.active || room.id === props.appointment.roomId)}>
            {(room) => <option value={room.id}>{room.name}</option>}
          </For>
        </Select>
      </div>
      <div class="button-row button-row--end">
        <button type="button" class="button" disabled={sending()} onClick={() => void move()}>
          {t('schedule.details.moveSubmit')}
        </button>
      </div>
    </fieldset>
  );
}
