import { Dialog } from '@kobalte/core/dialog';
import { createSignal, For, Show } from 'solid-js';
import {
  APPOINTMENT_TRANSITIONS,
  type AppointmentStatus,
  type AppointmentView,
  BOOKED_STATUSES,
  CANCEL_REASONS,
  type CancelReason,
} from '../../../../core/api/appointments';
import type { RoomView } from '../../../../core/api/schedule-setup';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { createReturnFocus } from '../../ui/return-focus';
import { cancelSeries, changeAppointmentStatus } from './api';
import { Select } from './BookingDialog';
import { scheduleErrorKey } from './errors';
import { MoveForm, type MoveScope } from './MoveForm';
import { formatDateTime, formatTime } from './time';

/** One appointment: when, who, where, and the status changes the caller may make. */
export function AppointmentDialog(props: {
  appointment: AppointmentView | null;
  timeZone: string;
  clientLabel: string;
  counselorName: string;
  roomName: string;
  serviceName: string;
  rooms: readonly RoomView[];
  /** the caller may move this appointment */
  canMove: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const returnFocus = createReturnFocus(() => props.appointment !== null);
  const [reason, setReason] = createSignal<CancelReason>('client_request');
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [scope, setScope] = createSignal<MoveScope>('one');
  /** Completed and no-show are for a session that has started; the server refuses them earlier. */
  const next = () => {
    const appointment = props.appointment;
    if (!appointment) return [];
    const started = Date.now() >= appointment.startAt;
    return APPOINTMENT_TRANSITIONS[appointment.status].filter(
      (status) => started || (status !== 'completed' && status !== 'no_show'),
    );
  };
  const inSeries = () => {
    const appointment = props.appointment;
    return (
      appointment?.seriesId != null && (BOOKED_STATUSES as readonly string[]).includes(appointment.status)
    );
  };

  const [cancelling, setCancelling] = createSignal<AppointmentView | null>(null);

  /** Cancelling frees the slot and tells the client: it asks first, naming whom and when. */
  const choose = (status: AppointmentStatus) => {
    if (status === 'cancelled') setCancelling(props.appointment);
    else void change(status);
  };
  const cancelTitle = (appointment: AppointmentView) =>
    t('schedule.cancelConfirm.title', {
      client: props.clientLabel,
      when: formatDateTime(appointment.startAt, props.timeZone, locale()),
    });

  const change = async (status: AppointmentStatus) => {
    const appointment = props.appointment;
    if (!appointment) return;
    setSending(true);
    setFailure(null);
    setCancelling(null);
    try {
      const whole = scope();
      if (status === 'cancelled' && whole !== 'one') {
        await cancelSeries(appointment.id, { scope: whole, cancelReason: reason() });
      } else {
        await changeAppointmentStatus(appointment.id, status, status === 'cancelled' ? reason() : undefined);
      }
      props.onChanged();
    } catch (error) {
      setFailure(t(scheduleErrorKey(error)));
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog
      open={props.appointment !== null}
      onOpenChange={(open) => {
        if (!open) {
          setFailure(null);
          setScope('one');
          props.onClose();
        }
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <Dialog.Content onCloseAutoFocus={returnFocus} class="dialog__content">
            <Show when={props.appointment}>
              {(appointment) => (
                <>
                  <Dialog.Title class="dialog__title">{t('schedule.details.title')}</Dialog.Title>
                  <Dialog.Description class="muted">
                    {formatDateTime(appointment().startAt, props.timeZone, locale())}–
                    {formatTime(appointment().endAt, props.timeZone, locale())}
                  </Dialog.Description>
                  <Show when={failure()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
                  <dl class="schedule-details">
                    <dt>{t('schedule.field.client')}</dt>
                    <dd>{props.clientLabel}</dd>
                    <dt>{t('schedule.field.counselor')}</dt>
                    <dd>{props.counselorName}</dd>
                    <dt>{t('schedule.field.service')}</dt>
                    <dd>{props.serviceName}</dd>
                    <dt>{t('schedule.field.room')}</dt>
                    <dd>{props.roomName}</dd>
                    <dt>{t('schedule.field.status')}</dt>
                    <dd>
                      <span class={`badge schedule-status schedule-status--${appointment().status}`}>
                        {t(`schedule.status.${appointment().status}`)}
                      </span>
                      <Show when={appointment().cancelReason}>
                        {(why) => <span class="muted"> · {t(`schedule.reason.${why()}`)}</span>}
                      </Show>
                    </dd>
                  </dl>
                  <Show when={props.canMove && inSeries()}>
                    <Select
                      label={t('schedule.series.scope')}
                      value={scope()}
                      onChange={(value) => setScope(value as MoveScope)}
                      disabled={sending()}
                    >
                      <option value="one">{t('schedule.series.one')}</option>
                      <option value="following">{t('schedule.series.following')}</option>
                      <option value="all">{t('schedule.series.all')}</option>
                    </Select>
                  </Show>
                  <Show when={props.canMove}>
                    <MoveForm
                      appointment={appointment()}
                      timeZone={props.timeZone}
                      rooms={props.rooms}
                      scope={scope()}
                      onMoved={props.onChanged}
                    />
                  </Show>
                  <Show when={next().includes('cancelled')}>
                    <Select
                      label={t('schedule.details.cancelReason')}
                      value={reason()}
                      onChange={(value) => setReason(value as CancelReason)}
                      disabled={sending()}
                    >
                      <For each={CANCEL_REASONS}>
                        {(why) => <option value={why}>{t(`schedule.reason.${why}`)}</option>}
                      </For>
                    </Select>
                  </Show>
                  <div class="button-row button-row--end">
                    <Dialog.CloseButton class="button" disabled={sending()}>
                      {t('common.close')}
                    </Dialog.CloseButton>
                    <For each={next()}>
                      {(status) => (
                        <button
                          type="button"
                          class={status === 'cancelled' ? 'button button--danger' : 'button button--primary'}
                          disabled={sending()}
                          onClick={() => choose(status)}
                        >
                          {t(`schedule.action.${status}`)}
                        </button>
                      )}
                    </For>
                  </div>
                  <ConfirmDialog
                    subject={cancelling()}
                    title={cancelTitle}
                    body={() =>
                      t(
                        scope() === 'one'
                          ? 'schedule.cancelConfirm.body'
                          : 'schedule.cancelConfirm.bodySeries',
                        {
                          reason: t(`schedule.reason.${reason()}`),
                          scope: t(`schedule.series.${scope()}`),
                        },
                      )
                    }
                    confirmLabel={t('schedule.cancelConfirm.confirm')}
                    workingLabel={t('schedule.cancelConfirm.working')}
                    action={() => change('cancelled')}
                    onClose={() => setCancelling(null)}
                  />
                </>
              )}
            </Show>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
