import { appointmentViewSchema, type CancelReason } from '../../core/api/appointments.js';
import { sessionViewSchema, userListSchema } from '../../core/api/index.js';
import { roomViewSchema, serviceViewSchema, timeZoneSettingSchema } from '../../core/api/schedule-setup.js';
import { z } from '../../core/api/zod.js';
import {
  addDays,
  type LocalDate,
  localDateOf,
  weekdayOf,
  zonedInstant,
} from '../../core/schedule/zoned-time.js';
import { fromBase64Url } from '../../crypto/index.js';
import type { ApiClient } from '../../web/src/lib/api-client.js';
import { createClient, memoryCaseCheckpoints } from '../../web/src/lib/protocol/cases/index.js';
import { memoryRootPins, signInWithPassphrase } from '../../web/src/lib/protocol/index.js';
import { nodeApiClient } from './node-api.js';
import type { DemoPerson } from './people.js';

/**
 * The demo center's schedule, made as the people would make it through the real API: the director
 * adds rooms and services and sets every counselor's working hours; the front desk registers
 * clients (their cards sealed in its "browser", wrapped to itself and the front-desk key), books
 * two weeks around today — the week gone by marked completed, no-show or cancelled, the week
 * ahead confirmed — and one weekly series, and records one client's reminder opt-in.
 */

const BASE = '/api/schedule';

const ROOMS = ['一号咨询室', '二号咨询室', '三号咨询室', '沙盘室'];
const SERVICES = [
  { name: '个体咨询 50 分钟', serviceType: 'individual', durationMinutes: 50, feeCents: 30_000 },
  { name: '伴侣咨询 90 分钟', serviceType: 'couple', durationMinutes: 90, feeCents: 50_000 },
  { name: '家庭咨询 90 分钟', serviceType: 'family', durationMinutes: 90, feeCents: 60_000 },
] as const;
const CLIENTS = [
  '韩梅梅',
  '李雷',
  '林涛',
  '吴晓丽',
  '高飞',
  '蒋琳',
  '马小云',
  '周婷',
  '胡冰',
  '罗佳',
  '许诺',
  '唐宁',
  '邓超然',
  '冯雨',
  '曹敏',
  '彭宇',
  '曾悦',
  '谢安',
];
/** Two working patterns: weekdays 09:00–18:00, or Tuesday to Saturday 10:00–20:00. */
const DAYTIME = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1080 }));
const LATE = [2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 600, endMinute: 1200 }));
const SESSION_HOURS = [9, 10, 11, 13, 14, 15, 16, 17, 18, 19];
const PAST_FATES: ReadonlyArray<{ share: number; cancelReason?: CancelReason; status: string }> = [
  { share: 0.78, status: 'completed' },
  { share: 0.08, status: 'no_show' },
  { share: 0.06, status: 'cancelled', cancelReason: 'client_request' },
  { share: 0.05, status: 'cancelled', cancelReason: 'client_late_cancel' },
  { share: 0.03, status: 'cancelled', cancelReason: 'illness' },
];

/** The outcome whose share of the unit interval holds `roll`. */
function fateOf(roll: number) {
  let below = 0;
  for (const fate of PAST_FATES) {
    below += fate.share;
    if (roll < below) return fate;
  }
  return PAST_FATES[0] as (typeof PAST_FATES)[number];
}

const bookedSchema = z.object({ appointments: z.array(appointmentViewSchema) });

/** The same center on every run: a small seeded generator (mulberry32). */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Booking {
  clientId: string;
  counselorId: string;
  roomId: string | null;
  serviceId: string;
  startAt: number;
  weeks?: number;
}

async function signIn(baseUrl: string, person: DemoPerson) {
  const api = nodeApiClient(baseUrl);
  const signedIn = await signInWithPassphrase(api, memoryRootPins(), person.email, person.passphrase);
  return { api, keys: signedIn.keys };
}

async function setUpCatalog(director: ApiClient) {
  const rooms = [];
  for (const name of ROOMS)
    rooms.push(await director.send('POST', `${BASE}/rooms`, { name }, roomViewSchema));
  const services = [];
  for (const service of SERVICES) {
    services.push(await director.send('POST', `${BASE}/services`, service, serviceViewSchema));
  }
  return { rooms, services };
}

/** Room per hour, so two counselors never share one; null (online) when all are taken. */
function roomPlanner(roomIds: readonly string[]) {
  const taken = new Set<string>();
  return (startAt: number, endAt: number, prefer: number): string | null => {
    const hours = [];
    for (let hour = Math.floor(startAt / 3_600_000); hour * 3_600_000 < endAt; hour += 1) hours.push(hour);
    for (let offset = 0; offset < roomIds.length; offset += 1) {
      const roomId = roomIds[(prefer + offset) % roomIds.length] as string;
      if (hours.every((hour) => !taken.has(`${roomId}@${hour}`))) {
        for (const hour of hours) taken.add(`${roomId}@${hour}`);
        return roomId;
      }
    }
    return null;
  };
}

export async function seedSchedule(
  baseUrl: string,
  people: { director: DemoPerson; frontDesk: DemoPerson },
  log: (line: string) => void,
): Promise<void> {
  const director = (await signIn(baseUrl, people.director)).api;
  const { rooms: existingRooms } = await director.get(
    `${BASE}/rooms`,
    z.object({ rooms: z.array(roomViewSchema) }),
  );
  if (existingRooms.length > 0) return log('Schedule          already there');

  const { timeZone } = await director.get(`${BASE}/time-zone`, timeZoneSettingSchema);
  const { rooms, services } = await setUpCatalog(director);
  const { users } = await director.get('/api/users', userListSchema);
  const counselors = users.filter((user) => user.status === 'active' && user.roles.includes('counselor'));
  const hours = new Map<string, typeof DAYTIME>();
  for (const [index, counselor] of counselors.entries()) {
    const shifts = index % 3 === 2 ? LATE : DAYTIME;
    hours.set(counselor.id, shifts);
    await director.send('PUT', `${BASE}/counselors/${counselor.id}/shifts`, { shifts }, z.unknown());
  }
  log(
    `Schedule          ${rooms.length} rooms, ${services.length} services, hours for ${counselors.length} counselors`,
  );

  const desk = await signIn(baseUrl, people.frontDesk);
  const view = await desk.api.get('/api/auth/session', sessionViewSchema);
  const context = {
    api: desk.api,
    orgId: view.org.id,
    rootPk: fromBase64Url(view.org.rootPk),
    recoveryPk: fromBase64Url(view.org.recoveryPk),
    me: { id: view.user.id, keys: desk.keys },
    checkpoints: memoryCaseCheckpoints(),
  };
  const clientIds: string[] = [];
  for (const name of CLIENTS) {
    clientIds.push((await createClient(context, { card: { name }, channel: 'phone' })).id);
  }

  const random = seeded(20_260_101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const planRoom = roomPlanner(rooms.map((room) => room.id));
  const busy = new Set<string>();
  const now = Date.now();
  const today = localDateOf(now, timeZone);
  const works = (counselorId: string, day: LocalDate, hour: number, minutes: number) =>
    (hours.get(counselorId) ?? []).some(
      (shift) =>
        shift.weekday === weekdayOf(day) &&
        shift.startMinute <= hour * 60 &&
        hour * 60 + minutes <= shift.endMinute,
    );
  const book = async (booking: Booking) => {
    const { appointments } = await desk.api.send(
      'POST',
      `${BASE}/appointments`,
      { ...booking, status: 'confirmed', weeks: booking.weeks ?? 1 },
      bookedSchema,
    );
    return appointments;
  };

  // One weekly series: Wednesday 19:00 with the first late-shift counselor, four weeks back to four ahead.
  const seriesCounselor = counselors.find((counselor) => hours.get(counselor.id) === LATE) ?? counselors[0];
  if (!seriesCounselor) throw new Error('the demo center has no counselor');
  let wednesday = addDays(today, -28);
  while (weekdayOf(wednesday) !== 3) wednesday = addDays(wednesday, 1);
  const individual = services[0];
  if (!individual) throw new Error('the demo services are missing');
  const seriesStarts = Array.from({ length: 8 }, (_, week) =>
    zonedInstant(addDays(wednesday, 7 * week), 19 * 60, timeZone),
  );
  // The series keeps one room every week: the first room, free at that hour since nothing else is booked yet.
  for (const startAt of seriesStarts) planRoom(startAt, startAt + individual.durationMinutes * 60_000, 0);
  const booked = await book({
    clientId: clientIds[0] as string,
    counselorId: seriesCounselor.id,
    roomId: rooms[0]?.id ?? null,
    serviceId: individual.id,
    startAt: seriesStarts[0] as number,
    weeks: seriesStarts.length,
  });
  for (const appointment of booked) busy.add(`${seriesCounselor.id}@${appointment.startAt}`);

  // Two to four sessions a working day for every counselor, from a week ago to a week ahead.
  for (let offset = -7; offset <= 7; offset += 1) {
    const day = addDays(today, offset);
    for (const [index, counselor] of counselors.entries()) {
      const count = 2 + Math.floor(random() * 3);
      const hoursToday = SESSION_HOURS.filter((hour) => works(counselor.id, day, hour, 90));
      for (const hour of hoursToday.sort(() => random() - 0.5).slice(0, count)) {
        const startAt = zonedInstant(day, hour * 60, timeZone);
        const service = random() < 0.8 ? individual : pick(services.slice(1));
        const endAt = startAt + service.durationMinutes * 60_000;
        const clash = [startAt - 3_600_000, startAt, startAt + 3_600_000].some((at) =>
          busy.has(`${counselor.id}@${at}`),
        );
        if (clash) continue;
        busy.add(`${counselor.id}@${startAt}`);
        booked.push(
          ...(await book({
            clientId: pick(clientIds),
            counselorId: counselor.id,
            roomId: planRoom(startAt, endAt, index),
            serviceId: service.id,
            startAt,
          })),
        );
      }
    }
  }

  // What became of the sessions that have taken place.
  const outcomes = new Map<string, number>();
  for (const appointment of booked.filter((item) => item.startAt < now)) {
    const fate = fateOf(random());
    await desk.api.send(
      'POST',
      `${BASE}/appointments/${appointment.id}/status`,
      fate.cancelReason ? { status: fate.status, cancelReason: fate.cancelReason } : { status: fate.status },
      appointmentViewSchema,
    );
    outcomes.set(fate.status, (outcomes.get(fate.status) ?? 0) + 1);
  }
  await desk.api.send(
    'PUT',
    `${BASE}/reminders/clients/${clientIds[0]}`,
    { email: 'hanmeimei@example.com' },
    z.unknown(),
  );
  const upcoming = booked.filter((item) => item.startAt >= now).length;
  const past = [...outcomes].map(([status, count]) => `${count} ${status}`).join(', ');
  log(
    `Appointments      ${booked.length} for ${clientIds.length} clients (one weekly series of 8): ${past}; ${upcoming} confirmed ahead`,
  );
}
