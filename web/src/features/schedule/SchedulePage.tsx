import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { AppointmentView } from '../../../../core/api/appointments';
import { addDays, type LocalDate } from '../../../../core/schedule/zoned-time';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { AppointmentDialog } from './AppointmentDialog';
import {
  fetchCalendar,
  fetchCounselors,
  fetchRooms,
  fetchServices,
  fetchTimeZone,
  rescheduleAppointment,
} from './api';
import { BookingDialog, Select } from './BookingDialog';
import { CalendarGrid, type Drop } from './CalendarGrid';
import { CounselorPanels } from './CounselorPanels';
import { type ClientChoice, clientTag, openClientNames } from './client-names';
import { scheduleErrorKey } from './errors';
import { LeaveConflicts } from './LeaveConflicts';
import { LeaveDecisions } from './LeaveDecisions';
import { type CalendarMode, rangeOf, today, visibleDays } from './time';
import './schedule.css';

type Target = { kind: 'counselor' | 'room'; id: string };

/**
 * /schedule: the front desk (and directors) pick any counselor's or room's calendar; a counselor
 * sees their own. Client names appear only where this browser can open the contact card.
 */
export function SchedulePage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { vault, state } = useVault();
  const roles = () => session()?.user.roles ?? [];
  const seesAll = () =>
    roles().some((role) => role === 'frontdesk' || role === 'admin' || role === 'director');
  const me = () => session()?.user.id ?? '';

  const [zone] = createResource(fetchTimeZone);
  const [counselors] = createResource(async () => (await fetchCounselors()).counselors);
  const [rooms] = createResource(async () => (await fetchRooms()).rooms);
  const [services] = createResource(async () => (await fetchServices()).services);
  const [clients, { refetch: refetchClients }] = createResource(
    () => (state() === 'unlocked' ? true : null),
    () => vault.withKeys((keys) => openClientNames(keys)).catch((): ClientChoice[] => []),
  );

  const [mode, setMode] = createSignal<CalendarMode>('week');
  const [anchor, setAnchor] = createSignal<LocalDate | null>(null);
  const [chosen, setChosen] = createSignal<Target | null>(null);
  const [booking, setBooking] = createSignal(false);
  const [opened, setOpened] = createSignal<AppointmentView | null>(null);
  const [version, setVersion] = createSignal(0);
  const [notice, setNotice] = createSignal<{ tone: 'error' | 'success'; text: string } | null>(null);

  const timeZone = () => zone()?.timeZone ?? 'Asia/Shanghai';
  const day = () => anchor() ?? today(timeZone());
  const days = createMemo(() => visibleDays(day(), mode()));
  const target = (): Target | null => {
    if (!seesAll()) return { kind: 'counselor', id: me() };
    const picked = chosen();
    if (picked) return picked;
    const first = counselors()?.[0];
    return first ? { kind: 'counselor', id: first.id } : null;
  };

  const [calendar, { refetch }] = createResource(
    () => {
      const current = target();
      if (!zone() || !current) return null;
      return { ...rangeOf(days(), timeZone()), current };
    },
    ({ from, to, current }) =>
      fetchCalendar({
        from,
        to,
        ...(current.kind === 'counselor' ? { counselorId: current.id } : { roomId: current.id }),
      }),
  );

  const names = createMemo(() => new Map((clients() ?? []).map((client) => [client.id, client.name])));
  const clientLabel = (clientId: string) =>
    names().get(clientId) ?? t('schedule.client', { tag: clientTag(clientId) });
  const nameOf = <T extends { id: string }>(
    list: readonly T[] | undefined,
    id: string | null,
    name: (item: T) => string,
  ) => (list?.find((item) => item.id === id) ? name(list.find((item) => item.id === id) as T) : '—');
  const canManage = (appointment: AppointmentView) => seesAll() || appointment.counselorId === me();
  const movable = (appointment: AppointmentView) =>
    canManage(appointment) && (appointment.status === 'requested' || appointment.status === 'confirmed');

  const move = async ({ appointment, startAt }: Drop) => {
    setNotice(null);
    try {
      await rescheduleAppointment(appointment.id, { startAt });
      setNotice({ tone: 'success', text: t('schedule.moved') });
    } catch (error) {
      setNotice({ tone: 'error', text: `${t('schedule.moveRefused')} ${t(scheduleErrorKey(error))}` });
    }
    void refetch();
  };

  const shift = (direction: number) => setAnchor(addDays(day(), direction * (mode() === 'week' ? 7 : 1)));
  const targetValue = () => {
    const current = target();
    return current ? `${current.kind}:${current.id}` : '';
  };

  return (
    <div class="schedule-page">
      <div class="page-header">
        <h1>{t('schedule.heading')}</h1>
        <Show when={seesAll() || roles().includes('counselor')}>
          <button
            type="button"
            class="button button--primary"
            onClick={() => setBooking(true)}
            disabled={!zone()}
          >
            {t('schedule.book')}
          </button>
        </Show>
      </div>
      <p class="muted">{t('schedule.intro', { zone: timeZone() })}</p>

      <div class="schedule-toolbar" role="toolbar" aria-label={t('schedule.toolbar')}>
        <Show when={seesAll()}>
          <Select
            label={t('schedule.calendarOf')}
            value={targetValue()}
            onChange={(value) => {
              const [kind, id] = value.split(':');
              if ((kind === 'counselor' || kind === 'room') && id) setChosen({ kind, id });
            }}
          >
            <optgroup label={t('schedule.counselors')}>
              <For each={counselors() ?? []}>
                {(person) => <option value={`counselor:${person.id}`}>{person.displayName}</option>}
              </For>
            </optgroup>
            <optgroup label={t('schedule.rooms')}>
              <For each={rooms() ?? []}>
                {(room) => <option value={`room:${room.id}`}>{room.name}</option>}
              </For>
            </optgroup>
          </Select>
        </Show>
        <div class="button-row">
          <button type="button" class="button" onClick={() => shift(-1)}>
            {t(mode() === 'week' ? 'schedule.previousWeek' : 'schedule.previousDay')}
          </button>
          <button type="button" class="button" onClick={() => setAnchor(null)}>
            {t('schedule.today')}
          </button>
          <button type="button" class="button" onClick={() => shift(1)}>
            {t(mode() === 'week' ? 'schedule.nextWeek' : 'schedule.nextDay')}
          </button>
        </div>
        <div class="button-row">
          <button type="button" class="button" aria-pressed={mode() === 'day'} onClick={() => setMode('day')}>
            {t('schedule.dayView')}
          </button>
          <button
            type="button"
            class="button"
            aria-pressed={mode() === 'week'}
            onClick={() => setMode('week')}
          >
            {t('schedule.weekView')}
          </button>
        </div>
      </div>

      <Show when={notice()}>{(current) => <Alert tone={current().tone}>{current().text}</Alert>}</Show>
      <Show when={seesAll() && counselors()?.length === 0}>
        <p class="empty">{t('schedule.noCounselors')}</p>
      </Show>
      <section class="card schedule-calendar" aria-label={t('schedule.calendar')}>
        <Show when={target()} fallback={<p class="empty">{t('schedule.noCalendar')}</p>}>
          <AsyncContent resource={calendar} onRetry={() => void refetch()}>
            {(view) => (
              <>
                <Show when={view.appointments.length === 0}>
                  <p class="muted schedule-empty">{t('schedule.empty')}</p>
                </Show>
                <CalendarGrid
                  days={days()}
                  timeZone={view.timeZone}
                  appointments={view.appointments}
                  available={view.available}
                  leave={view.leave}
                  label={(appointment) => clientLabel(appointment.clientId)}
                  canMove={movable}
                  onOpen={setOpened}
                  onDrop={(drop) => void move(drop)}
                />
              </>
            )}
          </AsyncContent>
        </Show>
      </section>

      <LeaveConflicts
        version={version()}
        timeZone={timeZone()}
        clientLabel={clientLabel}
        counselorName={(id) => nameOf(counselors(), id, (person) => person.displayName)}
        onOpen={setOpened}
      />
      <Show when={roles().includes('director')}>
        <LeaveDecisions
          onDecided={() => {
            setVersion((n) => n + 1);
            void refetch();
          }}
        />
      </Show>
      <Show when={roles().includes('counselor')}>
        <CounselorPanels
          counselorId={me()}
          timeZone={timeZone()}
          clientLabel={clientLabel}
          onChanged={() => void refetch()}
        />
      </Show>

      <Show when={booking() && zone()}>
        <BookingDialog
          open={booking()}
          onOpenChange={setBooking}
          onBooked={() => {
            setBooking(false);
            setNotice({ tone: 'success', text: t('schedule.booked') });
            void refetchClients();
            void refetch();
          }}
          timeZone={timeZone()}
          day={day()}
          clients={clients() ?? []}
          clientsLoading={clients.loading}
          counselors={counselors() ?? []}
          fixedCounselorId={seesAll() ? null : me()}
          initialCounselorId={
            target()?.kind === 'counselor' ? (target()?.id ?? me()) : (counselors()?.[0]?.id ?? me())
          }
          rooms={rooms() ?? []}
          services={services() ?? []}
        />
      </Show>
      <AppointmentDialog
        appointment={opened()}
        timeZone={timeZone()}
        clientLabel={opened() ? clientLabel((opened() as AppointmentView).clientId) : ''}
        counselorName={nameOf(counselors(), opened()?.counselorId ?? null, (person) => person.displayName)}
        roomName={
          opened()?.roomId
            ? nameOf(rooms(), opened()?.roomId ?? null, (room) => room.name)
            : t('schedule.noRoom')
        }
        serviceName={nameOf(services(), opened()?.serviceId ?? null, (service) => service.name)}
        rooms={rooms() ?? []}
        canMove={opened() ? movable(opened() as AppointmentView) : false}
        onClose={() => setOpened(null)}
        onChanged={() => {
          setOpened(null);
          setVersion((n) => n + 1);
          void refetch();
        }}
      />
    </div>
  );
}
