import type { Role } from '../../../core/api/roles.js';
import { clientRequest, recipientOf } from './case-files.js';
import { type Browser, ORIGIN } from './client.js';
import { addMember, type Member, type Organization, setUpOrganization } from './scenario.js';
import { fetchWorker } from './worker-fetch.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Every minute of every day: for tests about something other than working hours. */
export const ALWAYS = Array.from({ length: 7 }, (_, index) => ({
  weekday: index + 1,
  startMinute: 0,
  endMinute: 1440,
}));

export interface Clinic {
  center: Organization;
  director: Member;
  desk: Member;
  counselor: Member;
  other: Member;
  roomId: string;
  otherRoomId: string;
  serviceId: string;
  clientId: string;
  otherClientId: string;
}

export function put(browser: Browser, path: string, json: unknown) {
  return browser.request('PUT', path, { json });
}

async function expectStatus(response: Promise<{ status: number; body: unknown }>, status: number) {
  const res = await response;
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

export async function newClient(member: Member, orgId: string): Promise<string> {
  const request = clientRequest(orgId, member.account, [{ kind: 'user', ...recipientOf(member.account) }], {
    name: 'Client',
  });
  await expectStatus(member.browser.post('/api/clients', request.body), 201);
  return request.body.id;
}

/**
 * A center in `timeZone` with a director, a front desk, two counselors who work `shifts`, two
 * rooms, a 50-minute individual service (300.00) and two clients.
 */
export async function openClinic(timeZone = 'Asia/Shanghai', shifts = ALWAYS): Promise<Clinic> {
  const center = await setUpOrganization();
  const member = (roles: Role[]) => addMember(center, roles);
  const director = await member(['director']);
  const desk = await member(['frontdesk']);
  const counselor = await member(['counselor']);
  const other = await member(['counselor']);
  await expectStatus(put(center.adminBrowser, '/api/schedule/time-zone', { timeZone }), 200);
  const room = await expectStatus(center.adminBrowser.post('/api/schedule/rooms', { name: 'Room 1' }), 201);
  const otherRoom = await expectStatus(
    center.adminBrowser.post('/api/schedule/rooms', { name: 'Room 2' }),
    201,
  );
  const service = await expectStatus(
    center.adminBrowser.post('/api/schedule/services', {
      name: 'Individual 50',
      serviceType: 'individual',
      durationMinutes: 50,
      feeCents: 30000,
    }),
    201,
  );
  for (const who of [counselor, other]) {
    await expectStatus(
      put(who.browser, `/api/schedule/counselors/${who.account.id}/shifts`, { shifts }),
      200,
    );
  }
  return {
    center,
    director,
    desk,
    counselor,
    other,
    roomId: (room.body as { id: string }).id,
    otherRoomId: (otherRoom.body as { id: string }).id,
    serviceId: (service.body as { id: string }).id,
    clientId: await newClient(desk, center.org.id),
    otherClientId: await newClient(desk, center.org.id),
  };
}

/** A booking request for `clinic.counselor` in Room 1 at `startAt`, overridable field by field. */
export function booking(clinic: Clinic, startAt: number, overrides: Record<string, unknown> = {}) {
  return {
    clientId: clinic.clientId,
    counselorId: clinic.counselor.account.id,
    roomId: clinic.roomId,
    serviceId: clinic.serviceId,
    startAt,
    ...overrides,
  };
}

/** A path fetched without a session, returning the raw text (the ICS feed is not JSON). */
export async function fetchText(path: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetchWorker(new Request(`${ORIGIN}${path}`));
  return { status: response.status, headers: response.headers, text: await response.text() };
}
