import type { Request as CannonRequest } from 'autocannon';
import { authParamsResponseSchema } from '../../core/api/index.js';
import { roomViewSchema, serviceViewSchema } from '../../core/api/schedule-setup.js';
import { derivePassphraseKeys, fromBase64Url, toBase64Url } from '../../crypto/index.js';
import type { OpenedCase } from '../../web/src/lib/protocol/cases/index.js';
import { recordAppendRequest } from '../../web/src/lib/protocol/cases/index.js';
import { BENCH_COUNSELOR, type BenchCenter, seedCase, seedNotes, sessionNote } from './seed.js';

/**
 * What the API load benchmark sends (issue 12): login, the case list, opening a case, saving a
 * record and booking, each as autocannon requests that a server must answer 2xx every time.
 */

export interface Scenario {
  name: string;
  /** A read route: held to ≥ 0.7 of the bare Hono + D1 baseline's throughput. */
  read: boolean;
  path: string;
  requests: CannonRequest[];
  /** Run before each load of this scenario. */
  before?: () => Promise<void>;
}

const CSRF = { 'x-tacit-request': '1', 'content-type': 'application/json' };

/** The counselor's auth key (Argon2id once, here) and a session cookie from a real login. */
async function logIn(center: BenchCenter) {
  const params = await center.counselor.api.send(
    'POST',
    '/api/auth/params',
    { email: BENCH_COUNSELOR.email },
    authParamsResponseSchema,
  );
  const derived = await derivePassphraseKeys(BENCH_COUNSELOR.passphrase, fromBase64Url(params.salt), {
    m: params.m,
    t: params.t,
    p: params.p,
  });
  const body = JSON.stringify({ email: BENCH_COUNSELOR.email, authKey: toBase64Url(derived.auth) });
  const response = await fetch(`${center.baseURL}/api/auth/login`, {
    method: 'POST',
    headers: CSRF,
    body,
  });
  if (!response.ok) throw new Error(`bench login failed: ${response.status}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { body, cookie };
}

/**
 * Cases a writer takes one at a time: each save must build on its case's head (PROTOCOL §6).
 * autocannon builds a request it never sends when a client connects, and cuts requests in flight
 * when a run ends, so a case can stay taken: `resync` (before each run) reads every case's head
 * from the server and frees them all; the pool holds twice the connections and some.
 */
function recordWriter(center: BenchCenter, cases: OpenedCase[], cookie: string) {
  const free = [...cases];
  const resync = async () => {
    const response = await fetch(`${center.baseURL}/api/cases`, { headers: { cookie } });
    if (!response.ok) throw new Error(`bench resync failed: ${response.status} ${await response.text()}`);
    const { cases: listed } = (await response.json()) as {
      cases: { id: string; logSeq: number; logHead: string }[];
    };
    const heads = new Map(listed.map((item) => [item.id, item]));
    for (const opened of cases) {
      const head = heads.get(opened.view.case.id);
      if (!head) continue;
      opened.view.case.logSeq = head.logSeq;
      opened.view.case.logHead = head.logHead;
    }
    free.splice(0, free.length, ...cases);
  };
  let n = 0;
  type Pending = { opened: OpenedCase; seq: number; head: string };
  const request: CannonRequest = {
    method: 'POST',
    setupRequest(request, context) {
      const opened = free.shift();
      if (!opened) throw new Error('no free case: more writers than cases');
      const write = recordAppendRequest(center.counselor, opened, sessionNote(++n));
      (context as { pending?: Pending }).pending = {
        opened,
        seq: write.body.entry.seq,
        head: write.body.head,
      };
      return {
        ...request,
        path: write.path,
        headers: { ...request.headers, ...CSRF },
        body: JSON.stringify(write.body),
      };
    },
    onResponse(status, _body, context) {
      const pending = (context as { pending?: Pending }).pending;
      if (!pending) return;
      if (status === 201) {
        pending.opened.view.case.logSeq = pending.seq;
        pending.opened.view.case.logHead = pending.head;
      }
      free.push(pending.opened);
    },
  };
  return { request, resync };
}

/** Seeds what the scenarios need and returns them; `writers` is the most connections used. */
export async function loadScenarios(center: BenchCenter, writers: number): Promise<Scenario[]> {
  const { counselor, admin } = center;
  const login = await logIn(center);
  const session = { cookie: login.cookie };

  // One case of 20 notes to open; a case per writer (and spares) to save records to.
  const opened = await seedCase(counselor, '打开的个案');
  await seedNotes(counselor, opened, 20);
  const writeCases: OpenedCase[] = [];
  for (let index = 0; index < 2 * writers + 8; index++)
    writeCases.push(await seedCase(counselor, `写入${index}`));

  // A room, a 50-minute service and round-the-clock shifts, then one booking per hour from tomorrow.
  const room = await admin.send('POST', '/api/schedule/rooms', { name: 'Bench room' }, roomViewSchema);
  const service = await admin.send(
    'POST',
    '/api/schedule/services',
    { name: 'Bench 50', serviceType: 'individual', durationMinutes: 50, feeCents: 30000 },
    serviceViewSchema,
  );
  const shifts = Array.from({ length: 7 }, (_, index) => ({
    weekday: index + 1,
    startMinute: 0,
    endMinute: 1440,
  }));
  const shiftResponse = await fetch(`${center.baseURL}/api/schedule/counselors/${counselor.me.id}/shifts`, {
    method: 'PUT',
    headers: { ...CSRF, cookie: session.cookie },
    body: JSON.stringify({ shifts }),
  });
  if (!shiftResponse.ok) throw new Error(`bench shifts failed: ${shiftResponse.status}`);
  const hour = 3_600_000;
  const firstSlot = Math.ceil(Date.now() / hour) * hour + 24 * hour;
  let slot = 0;
  const clientId = opened.view.case.clientId;

  const writer = recordWriter(center, writeCases, login.cookie);
  const get = (path: string): CannonRequest => ({ method: 'GET', path, headers: session });
  return [
    {
      name: 'login',
      read: false,
      path: '/api/auth/login',
      requests: [{ method: 'POST', path: '/api/auth/login', headers: CSRF, body: login.body }],
    },
    { name: 'case-list', read: true, path: '/api/cases', requests: [get('/api/cases')] },
    {
      name: 'open-case',
      read: true,
      path: `/api/cases/${opened.view.case.id}`,
      requests: [get(`/api/cases/${opened.view.case.id}`)],
    },
    {
      name: 'save-record',
      read: false,
      path: '/api/cases/:id/records',
      requests: [{ ...writer.request, headers: session }],
      before: writer.resync,
    },
    {
      name: 'booking',
      read: false,
      path: '/api/schedule/appointments',
      requests: [
        {
          method: 'POST',
          path: '/api/schedule/appointments',
          headers: { ...session, ...CSRF },
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({
              clientId,
              counselorId: counselor.me.id,
              roomId: room.id,
              serviceId: service.id,
              startAt: firstSlot + slot++ * hour,
            }),
          }),
        },
      ],
    },
  ];
}
