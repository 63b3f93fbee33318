import { createResource, createSignal, For, Show } from 'solid-js';
import { SERVICE_TYPES } from '../../../../core/api/cases';
import type { ServiceType } from '../../../../core/api/schedule-setup';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import {
  createRoom,
  createService,
  fetchRooms,
  fetchServices,
  fetchTimeZone,
  saveTimeZone,
  updateRoom,
  updateService,
} from './api';
import { Input, Select } from './BookingDialog';
import { scheduleErrorKey } from './errors';

/** The zones this browser knows, for the picker; the server checks the choice again. */
function knownZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return (
    intl.supportedValuesOf?.('timeZone') ?? [
      'Asia/Shanghai',
      'Asia/Hong_Kong',
      'Asia/Taipei',
      'America/New_York',
      'Europe/London',
      'UTC',
    ]
  );
}

/** The schedule's part of /admin/settings: time zone, rooms and services. */
export function ScheduleSettings() {
  const { t } = useI18n();
  const [message, setMessage] = createSignal<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [zone, { refetch: refetchZone }] = createResource(fetchTimeZone);
  const [rooms, { refetch: refetchRooms }] = createResource(async () => (await fetchRooms()).rooms);
  const [services, { refetch: refetchServices }] = createResource(
    async () => (await fetchServices()).services,
  );
  const [roomName, setRoomName] = createSignal('');
  const [service, setService] = createSignal({
    name: '',
    type: 'individual' as ServiceType,
    minutes: '50',
    fee: '300',
  });

  const attempt = async (work: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await work();
      setMessage({ tone: 'success', text: done });
    } catch (error) {
      setMessage({ tone: 'error', text: t(scheduleErrorKey(error)) });
    }
  };

  const addService = () => {
    const minutes = Number(service().minutes);
    const fee = Math.round(Number(service().fee) * 100);
    if (
      !service().name.trim() ||
      !Number.isInteger(minutes) ||
      minutes < 5 ||
      minutes > 480 ||
      !Number.isFinite(fee) ||
      fee < 0
    ) {
      return setMessage({ tone: 'error', text: t('settings.schedule.serviceInvalid') });
    }
    void attempt(async () => {
      await createService({
        name: service().name.trim(),
        serviceType: service().type,
        durationMinutes: minutes,
        feeCents: fee,
      });
      setService({ ...service(), name: '' });
      void refetchServices();
    }, t('settings.schedule.saved'));
  };

  return (
    <section class="card settings-section" aria-labelledby="settings-schedule">
      <h2 class="card__title" id="settings-schedule">
        {t('settings.schedule.title')}
      </h2>
      <Show when={message()}>{(current) => <Alert tone={current().tone}>{current().text}</Alert>}</Show>

      <h3>{t('settings.schedule.timeZone')}</h3>
      <p class="muted">{t('settings.schedule.timeZoneHint')}</p>
      <Show when={zone()}>
        {(current) => (
          <Select
            label={t('settings.schedule.timeZone')}
            value={current().timeZone}
            onChange={(timeZone) =>
              void attempt(async () => {
                await saveTimeZone(timeZone);
                void refetchZone();
              }, t('settings.schedule.saved'))
            }
          >
            <For each={knownZones()}>{(name) => <option value={name}>{name}</option>}</For>
          </Select>
        )}
      </Show>

      <h3>{t('settings.schedule.rooms')}</h3>
      <AsyncContent resource={rooms} onRetry={() => void refetchRooms()}>
        {(list) => (
          <Show when={list.length > 0} fallback={<p class="empty">{t('settings.schedule.noRooms')}</p>}>
            <ul class="schedule-list">
              <For each={list}>
                {(room) => (
                  <li>
                    <span>{room.name}</span>{' '}
                    <span class="badge">
                      {t(room.active ? 'settings.schedule.active' : 'settings.schedule.inactive')}
                    </span>{' '}
                    <button
                      type="button"
                      class="button button--quiet"
                      onClick={() =>
                        void attempt(async () => {
                          await updateRoom(room.id, { active: !room.active });
                          void refetchRooms();
                        }, t('settings.schedule.saved'))
                      }
                    >
                      {t(room.active ? 'settings.schedule.deactivate' : 'settings.schedule.activate')}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </AsyncContent>
      <div class="field-grid">
        <Input label={t('settings.schedule.roomName')} type="text" value={roomName()} onInput={setRoomName} />
      </div>
      <div class="button-row">
        <button
          type="button"
          class="button"
          onClick={() => {
            if (!roomName().trim())
              return setMessage({ tone: 'error', text: t('settings.schedule.roomInvalid') });
            void attempt(async () => {
              await createRoom({ name: roomName().trim() });
              setRoomName('');
              void refetchRooms();
            }, t('settings.schedule.saved'));
          }}
        >
          {t('settings.schedule.addRoom')}
        </button>
      </div>

      <h3>{t('settings.schedule.services')}</h3>
      <AsyncContent resource={services} onRetry={() => void refetchServices()}>
        {(list) => (
          <Show when={list.length > 0} fallback={<p class="empty">{t('settings.schedule.noServices')}</p>}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('settings.schedule.serviceName')}</th>
                  <th scope="col">{t('settings.schedule.serviceType')}</th>
                  <th scope="col" class="numeric">
                    {t('settings.schedule.minutes')}
                  </th>
                  <th scope="col" class="numeric">
                    {t('settings.schedule.fee')}
                  </th>
                  <th scope="col">{t('settings.schedule.state')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list}>
                  {(item) => (
                    <tr>
                      <td>{item.name}</td>
                      <td>{t(`cases.service.${item.serviceType}`)}</td>
                      <td class="numeric">{item.durationMinutes}</td>
                      <td class="numeric">{(item.feeCents / 100).toFixed(2)}</td>
                      <td>
                        <button
                          type="button"
                          class="button button--quiet"
                          onClick={() =>
                            void attempt(async () => {
                              await updateService(item.id, { active: !item.active });
                              void refetchServices();
                            }, t('settings.schedule.saved'))
                          }
                        >
                          {t(item.active ? 'settings.schedule.deactivate' : 'settings.schedule.activate')}
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        )}
      </AsyncContent>
      <div class="field-grid">
        <Input
          label={t('settings.schedule.serviceName')}
          type="text"
          value={service().name}
          onInput={(name) => setService({ ...service(), name })}
        />
        <Select
          label={t('settings.schedule.serviceType')}
          value={service().type}
          onChange={(type) => setService({ ...service(), type: type as ServiceType })}
        >
          <For each={SERVICE_TYPES}>
            {(type) => <option value={type}>{t(`cases.service.${type}`)}</option>}
          </For>
        </Select>
        <Input
          label={t('settings.schedule.minutes')}
          type="number"
          min="5"
          max="480"
          value={service().minutes}
          onInput={(minutes) => setService({ ...service(), minutes })}
        />
        <Input
          label={t('settings.schedule.fee')}
          type="number"
          min="0"
          step="0.01"
          value={service().fee}
          onInput={(fee) => setService({ ...service(), fee })}
        />
      </div>
      <div class="button-row">
        <button type="button" class="button" onClick={addService}>
          {t('settings.schedule.addService')}
        </button>
      </div>
    </section>
  );
}
