import { createSignal, For, onCleanup, Show } from 'solid-js';
import type { AppointmentView, Interval } from '../../../../core/api/appointments';
import { type LocalDate, zonedInstant } from '../../../../core/schedule/zoned-time';
import { useI18n } from '../../lib/i18n';
import { dayIndexOf, formatDay, formatTime, minuteOfDay } from './time';

/** The first and last hour the grid shows, and its scale (schedule.css sizes the body to match). */
export const FIRST_HOUR = 7;
export const LAST_HOUR = 22;
const PX_PER_MINUTE = 1;
const SNAP_MINUTES = 15;
const DRAG_THRESHOLD_PX = 4;

export interface Drop {
  appointment: AppointmentView;
  startAt: number;
}

interface DragState {
  appointment: AppointmentView;
  originX: number;
  originY: number;
  grabOffsetMinutes: number;
  moved: boolean;
  target: { dayIndex: number; minute: number } | null;
}

/**
 * Day or week columns in the institution's zone. An appointment can be dragged to another time or
 * day; while it moves, the ghost turns red where the calendar already shows something in the way
 * (the server decides for real when it lands).
 */
export function CalendarGrid(props: {
  days: readonly LocalDate[];
  timeZone: string;
  appointments: readonly AppointmentView[];
  available: readonly Interval[];
  leave: readonly Interval[];
  label: (appointment: AppointmentView) => string;
  canMove: (appointment: AppointmentView) => boolean;
  onOpen: (appointment: AppointmentView) => void;
  onDrop: (drop: Drop) => void;
}) {
  const { t, locale } = useI18n();
  const columns: HTMLDivElement[] = [];
  const [drag, setDrag] = createSignal<DragState | null>(null);
  const hours = Array.from({ length: LAST_HOUR - FIRST_HOUR }, (_, index) => FIRST_HOUR + index);
  const top = (minute: number) => (minute - FIRST_HOUR * 60) * PX_PER_MINUTE;
  const height = (from: number, to: number) => Math.max(((to - from) / 60_000) * PX_PER_MINUTE, 12);

  const inColumn = (dayIndex: number) => (appointment: AppointmentView) =>
    dayIndexOf(props.days, appointment.startAt, props.timeZone) === dayIndex;
  const intervalsIn = (intervals: readonly Interval[], dayIndex: number) =>
    intervals.filter((interval) => dayIndexOf(props.days, interval.startAt, props.timeZone) === dayIndex);

  function targetAt(x: number, y: number, grabOffsetMinutes: number) {
    const dayIndex = columns.findIndex((column) => {
      const rect = column.getBoundingClientRect();
      return x >= rect.left && x < rect.right;
    });
    const column = columns[dayIndex];
    if (!column) return null;
    const raw =
      FIRST_HOUR * 60 + (y - column.getBoundingClientRect().top) / PX_PER_MINUTE - grabOffsetMinutes;
    const minute = Math.round(raw / SNAP_MINUTES) * SNAP_MINUTES;
    return { dayIndex, minute: Math.min(Math.max(minute, 0), 24 * 60 - SNAP_MINUTES) };
  }

  const startOf = (target: { dayIndex: number; minute: number }) =>
    zonedInstant(props.days[target.dayIndex] as LocalDate, target.minute, props.timeZone);

  /** Something the calendar already shows in the way of `appointment` at `startAt`. */
  function blocked(appointment: AppointmentView, startAt: number): boolean {
    const endAt = startAt + (appointment.endAt - appointment.startAt);
    const clash = props.appointments.some(
      (other) =>
        other.id !== appointment.id &&
        other.status !== 'cancelled' &&
        other.startAt < endAt &&
        startAt < other.endAt,
    );
    const onLeave = props.leave.some((interval) => interval.startAt < endAt && startAt < interval.endAt);
    const working =
      props.available.length === 0 ||
      props.available.some((interval) => interval.startAt <= startAt && endAt <= interval.endAt);
    return clash || onLeave || !working;
  }

  const onMove = (event: PointerEvent) => {
    const state = drag();
    if (!state) return;
    const moved =
      state.moved ||
      Math.abs(event.clientX - state.originX) + Math.abs(event.clientY - state.originY) > DRAG_THRESHOLD_PX;
    setDrag({
      ...state,
      moved,
      target: moved ? targetAt(event.clientX, event.clientY, state.grabOffsetMinutes) : null,
    });
  };
  const onUp = () => {
    const state = drag();
    setDrag(null);
    if (!state) return;
    if (!state.moved) return props.onOpen(state.appointment);
    if (!state.target) return;
    const startAt = startOf(state.target);
    if (startAt !== state.appointment.startAt) props.onDrop({ appointment: state.appointment, startAt });
  };
  window.addEventListener('pointermove', onMove);
  window.addEventListener('pointerup', onUp);
  onCleanup(() => {
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onUp);
  });

  const begin = (appointment: AppointmentView, event: PointerEvent) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    setDrag({
      appointment,
      originX: event.clientX,
      originY: event.clientY,
      grabOffsetMinutes: (event.clientY - rect.top) / PX_PER_MINUTE,
      moved: false,
      target: null,
    });
  };

  return (
    <div class="calendar" style={{ '--columns': String(props.days.length) }}>
      <div class="calendar__head">
        <div class="calendar__gutter" />
        <For each={props.days}>
          {(day) => <div class="calendar__day-name">{formatDay(day, locale())}</div>}
        </For>
      </div>
      <div class="calendar__body">
        <div class="calendar__gutter">
          <For each={hours}>
            {(hour) => (
              <div class="calendar__hour" style={{ top: `${top(hour * 60)}px` }}>
                {`${String(hour).padStart(2, '0')}:00`}
              </div>
            )}
          </For>
        </div>
        <For each={props.days}>
          {(day, dayIndex) => (
            <div
              class="calendar__column"
              ref={(element) => {
                columns[dayIndex()] = element;
              }}
              data-date={`${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`}
            >
              <For each={intervalsIn(props.available, dayIndex())}>
                {(interval) => (
                  <div
                    class="calendar__available"
                    style={{
                      top: `${top(minuteOfDay(interval.startAt, props.timeZone))}px`,
                      height: `${height(interval.startAt, interval.endAt)}px`,
                    }}
                  />
                )}
              </For>
              <For each={intervalsIn(props.leave, dayIndex())}>
                {(interval) => (
                  <div
                    class="calendar__leave"
                    style={{
                      top: `${top(minuteOfDay(interval.startAt, props.timeZone))}px`,
                      height: `${height(interval.startAt, interval.endAt)}px`,
                    }}
                  >
                    {t('schedule.onLeave')}
                  </div>
                )}
              </For>
              <For each={props.appointments.filter(inColumn(dayIndex()))}>
                {(appointment) => (
                  <button
                    type="button"
                    class={`calendar__event calendar__event--${appointment.status}`}
                    classList={{
                      'calendar__event--dragging': drag()?.appointment.id === appointment.id && drag()?.moved,
                    }}
                    style={{
                      top: `${top(minuteOfDay(appointment.startAt, props.timeZone))}px`,
                      height: `${height(appointment.startAt, appointment.endAt)}px`,
                    }}
                    onPointerDown={(event) =>
                      props.canMove(appointment) ? begin(appointment, event) : undefined
                    }
                    onClick={(event) => {
                      // Keyboard activation; a pointer click is handled on pointerup.
                      if (event.detail === 0) props.onOpen(appointment);
                    }}
                    aria-label={`${formatTime(appointment.startAt, props.timeZone, locale())} ${props.label(appointment)} · ${t(`schedule.status.${appointment.status}`)}`}
                  >
                    <span class="calendar__event-time">
                      {formatTime(appointment.startAt, props.timeZone, locale())}–
                      {formatTime(appointment.endAt, props.timeZone, locale())}
                    </span>
                    <span class="calendar__event-label">{props.label(appointment)}</span>
                  </button>
                )}
              </For>
              <Show when={drag()?.target?.dayIndex === dayIndex() ? drag() : null}>
                {(state) => {
                  const target = () => state().target as { dayIndex: number; minute: number };
                  const startAt = () => startOf(target());
                  return (
                    <div
                      class="calendar__ghost"
                      classList={{ 'calendar__ghost--blocked': blocked(state().appointment, startAt()) }}
                      style={{
                        top: `${top(target().minute)}px`,
                        height: `${height(state().appointment.startAt, state().appointment.endAt)}px`,
                      }}
                      aria-hidden="true"
                    >
                      {formatTime(startAt(), props.timeZone, locale())}
                    </div>
                  );
                }}
              </Show>
            </div>
          )}
        </For>
      </div>
    </div>
  );
}
