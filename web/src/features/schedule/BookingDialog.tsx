import { Dialog } from '@kobalte/core/dialog';
import { createSignal, createUniqueId, For, type JSX, Show } from 'solid-js';
import type { CounselorView, RoomView, ServiceView } from '../../../../core/api/schedule-setup';
import {
  formatLocalDate,
  type LocalDate,
  parseLocalDate,
  zonedInstant,
} from '../../../../core/schedule/zoned-time';
import { useI18n } from '../../lib/i18n';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { createReturnFocus } from '../../ui/return-focus';
import { bookAppointment } from './api';
import { type ClientChoice, clientTag, createNamedClient } from './client-names';
import { scheduleErrorKey } from './errors';
import { fromClock } from './time';

const NEW_CLIENT = 'new';

export function Select(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  children: JSX.Element;
}) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <select
        id={id}
        class="field__select"
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        {props.children}
      </select>
    </div>
  );
}

export function Input(props: {
  label: string;
  type: string;
  value: string;
  onInput: (value: string) => void;
  step?: string;
  min?: string;
  max?: string;
  disabled?: boolean;
}) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        class="field__input"
        type={props.type}
        value={props.value}
        step={props.step}
        min={props.min}
        max={props.max}
        disabled={props.disabled}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
    </div>
  );
}

/** Booking one appointment or a weekly series; a new client's card is made in this browser. */
export function BookingDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onBooked: () => void;
  timeZone: string;
  day: LocalDate;
  clients: readonly ClientChoice[];
  /** the cards are still being opened in this browser: no client to offer yet */
  clientsLoading: boolean;
  counselors: readonly CounselorView[];
  /** set when the caller may book only on this counselor's calendar */
  fixedCounselorId: string | null;
  initialCounselorId: string;
  rooms: readonly RoomView[];
  services: readonly ServiceView[];
}) {
  const { t } = useI18n();
  const { vault } = useVault();
  const returnFocus = createReturnFocus(() => props.open);
  const activeServices = () => props.services.filter((service) => service.active);
  const activeRooms = () => props.rooms.filter((room) => room.active);
  // The lists (and the client cards, opened in this browser) may still be loading when the dialog
  // opens: until a person picks, each choice is the first its list offers once it has arrived.
  const [pickedClient, setClientId] = createSignal<string | null>(null);
  const clientId = () => pickedClient() ?? props.clients[0]?.id ?? (props.clientsLoading ? '' : NEW_CLIENT);
  const [newName, setNewName] = createSignal('');
  const [pickedCounselor, setCounselorId] = createSignal<string | null>(null);
  const counselorId = () => props.fixedCounselorId ?? pickedCounselor() ?? props.initialCounselorId;
  const [pickedRoom, setRoomId] = createSignal<string | null>(null);
  const roomId = () => pickedRoom() ?? activeRooms()[0]?.id ?? '';
  const [pickedService, setServiceId] = createSignal<string | null>(null);
  const serviceId = () => pickedService() ?? activeServices()[0]?.id ?? '';
  const [date, setDate] = createSignal(formatLocalDate(props.day));
  const [time, setTime] = createSignal('10:00');
  const [weeks, setWeeks] = createSignal('1');
  const [status, setStatus] = createSignal<'confirmed' | 'requested'>('confirmed');
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const day = parseLocalDate(date());
    const minute = fromClock(time());
    const weekCount = Number(weeks());
    if (!day || minute === null || minute % 5 !== 0) return setFailure(t('schedule.book.badTime'));
    if (!Number.isInteger(weekCount) || weekCount < 1 || weekCount > 52)
      return setFailure(t('schedule.book.badWeeks'));
    if (!serviceId()) return setFailure(t('schedule.book.noService'));
    if (!clientId()) return;
    if (clientId() === NEW_CLIENT && !newName().trim()) return setFailure(t('schedule.book.nameRequired'));
    setSending(true);
    setFailure(null);
    try {
      const client =
        clientId() === NEW_CLIENT
          ? await vault.withKeys((keys) => createNamedClient(keys, newName().trim()))
          : clientId();
      if (client !== clientId()) setClientId(client);
      await bookAppointment({
        clientId: client,
        counselorId: counselorId(),
        roomId: roomId() || null,
        serviceId: serviceId(),
        startAt: zonedInstant(day, minute, props.timeZone),
        status: status(),
        weeks: weekCount,
      });
      props.onBooked();
    } catch (error) {
      setFailure(t(scheduleErrorKey(error)));
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <Dialog.Content onCloseAutoFocus={returnFocus} class="dialog__content">
            <Dialog.Title class="dialog__title">{t('schedule.book.title')}</Dialog.Title>
            <Dialog.Description class="muted">
              {t('schedule.book.intro', { zone: props.timeZone })}
            </Dialog.Description>
            <form onSubmit={(event) => void submit(event)} novalidate aria-busy={sending()}>
              <Show when={failure()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
              <Select
                label={t('schedule.field.client')}
                value={clientId()}
                onChange={setClientId}
                disabled={sending() || clientId() === ''}
              >
                <Show when={clientId() === ''}>
                  <option value="">{t('schedule.book.clientsLoading')}</option>
                </Show>
                <For each={props.clients}>
                  {(client) => (
                    <option value={client.id}>
                      {client.name ?? t('schedule.client', { tag: clientTag(client.id) })}
                    </option>
                  )}
                </For>
                <option value={NEW_CLIENT}>{t('schedule.book.newClient')}</option>
              </Select>
              <Show when={clientId() === NEW_CLIENT}>
                <Input
                  label={t('schedule.book.clientName')}
                  type="text"
                  value={newName()}
                  onInput={setNewName}
                  disabled={sending()}
                />
                <p class="field__hint">{t('schedule.book.clientNameHint')}</p>
              </Show>
              <Select
                label={t('schedule.field.counselor')}
                value={counselorId()}
                onChange={setCounselorId}
                disabled={sending() || props.fixedCounselorId !== null}
              >
                <For each={props.counselors}>
                  {(person) => <option value={person.id}>{person.displayName}</option>}
                </For>
              </Select>
              <div class="field-grid">
                <Select
                  label={t('schedule.field.service')}
                  value={serviceId()}
                  onChange={setServiceId}
                  disabled={sending()}
                >
                  <For each={activeServices()}>
                    {(service) => <option value={service.id}>{service.name}</option>}
                  </For>
                </Select>
                <Select
                  label={t('schedule.field.room')}
                  value={roomId()}
                  onChange={setRoomId}
                  disabled={sending()}
                >
                  <option value="">{t('schedule.noRoom')}</option>
                  <For each={activeRooms()}>{(room) => <option value={room.id}>{room.name}</option>}</For>
                </Select>
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
                <Input
                  label={t('schedule.field.weeks')}
                  type="number"
                  min="1"
                  max="52"
                  value={weeks()}
                  onInput={setWeeks}
                  disabled={sending()}
                />
                <Select
                  label={t('schedule.field.status')}
                  value={status()}
                  onChange={(value) => setStatus(value === 'requested' ? 'requested' : 'confirmed')}
                  disabled={sending()}
                >
                  <option value="confirmed">{t('schedule.status.confirmed')}</option>
                  <option value="requested">{t('schedule.status.requested')}</option>
                </Select>
              </div>
              <div class="button-row button-row--end">
                <Dialog.CloseButton class="button" disabled={sending()}>
                  {t('common.cancel')}
                </Dialog.CloseButton>
                <button type="submit" class="button button--primary" disabled={sending()}>
                  {sending() ? t('schedule.book.submitting') : t('schedule.book.submit')}
                </button>
              </div>
            </form>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
