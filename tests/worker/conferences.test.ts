import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Browser } from './support/client.js';
import { HOUR, letTimePass } from './support/clock.js';
import {
  clinic,
  conferenceWrap,
  messageRequest,
  openConference,
  openRequest,
  people,
  readThread,
} from './support/conferences.js';
import { snapshotCounts } from './support/database.js';
import { addMember, login } from './support/scenario.js';

describe('opening a conference', () => {
  it('a case key holder opens one with certified colleagues; it lists operational fields only', async () => {
    const { center, counselor, colleague, supervisor, file } = await clinic();
    const conf = await openConference(center, file.caseId, counselor, [colleague, supervisor]);
    const list = await colleague.browser.get('/api/conferences');
    expect(list.status).toBe(200);
    expect(list.body.conferences).toHaveLength(1);
    const [view] = list.body.conferences;
    expect(view).toMatchObject({ id: conf.id, caseId: file.caseId, epoch: 1, rotationDue: false, unread: 0 });
    expect(view.participants.map((p: { userId: string }) => p.userId).sort()).toEqual(
      [counselor.account.id, colleague.account.id, supervisor.account.id].sort(),
    );
    expect(Object.keys(view).sort()).toEqual(
      [
        'caseId',
        'createdAt',
        'createdBy',
        'epoch',
        'expiresAt',
        'id',
        'participants',
        'rotationDue',
        'unread',
      ].sort(),
    );
    const audit = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_events WHERE type = 'conference.opened'",
    ).first<{
      n: number;
    }>();
    expect(audit?.n).toBe(1);
  });

  it('refuses the unauthenticated, a non-holder of the case and malformed requests, writing nothing', async () => {
    const { center, counselor, colleague, outsider, file } = await clinic();
    const uncertified = await addMember(center, ['counselor'], { certified: false });
    const before = await snapshotCounts();
    const fresh = () => openRequest(center, file.caseId, counselor.account, [colleague.account]).body;

    expect((await new Browser().post('/api/conferences', fresh())).status).toBe(401);
    const notHolder = openRequest(center, file.caseId, outsider.account, [colleague.account]).body;
    const refused = await outsider.browser.post('/api/conferences', notHolder);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('not_found');

    const withoutMe = openRequest(center, file.caseId, counselor.account, [
      colleague.account,
      outsider.account,
    ]);
    withoutMe.body.wraps = withoutMe.body.wraps.slice(1);
    const cases: [unknown, number, string][] = [
      [{ ...fresh(), id: 'not-a-uuid' }, 400, 'invalid_request'],
      [{ ...fresh(), wraps: [] }, 400, 'invalid_request'],
      [withoutMe.body, 400, 'invalid_request'],
      [{ ...fresh(), expiresAt: Date.now() - 1000 }, 400, 'bad_expiry'],
      [openRequest(center, file.caseId, counselor.account, [uncertified.account]).body, 409, 'bad_recipient'],
    ];
    const forged = fresh();
    const firstWrap = forged.wraps[1];
    if (firstWrap) firstWrap.expiresAt = Date.now() + HOUR;
    cases.push([forged, 400, 'bad_signature']);
    for (const [body, status, code] of cases) {
      const res = await counselor.browser.post('/api/conferences', body);
      expect(res.status, code).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    const notJson = await counselor.browser.request('POST', '/api/conferences', {
      headers: { 'Content-Type': 'application/json' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);
  });
});

describe('messages', () => {
  it('a participant reads what another wrote, unread counts fall to zero, and reading is audited', async () => {
    const { center, counselor, colleague, file } = await clinic();
    const conf = await openConference(center, file.caseId, counselor, [colleague]);
    const text = '来访者近两周睡眠变差，想听听大家对危机评估的意见';
    expect(
      (
        await counselor.browser.post(
          `/api/conferences/${conf.id}/messages`,
          messageRequest(conf, counselor.account, text),
        )
      ).status,
    ).toBe(201);
    const unread = await colleague.browser.get('/api/conferences');
    expect(unread.body.conferences[0].unread).toBe(1);
    const mine = await counselor.browser.get('/api/conferences');
    expect(mine.body.conferences[0].unread).toBe(0);
    expect(await readThread(center, conf, colleague, people(counselor, colleague))).toEqual([text]);
    expect((await colleague.browser.get('/api/conferences')).body.conferences[0].unread).toBe(0);
    const audit = await env.DB.prepare(
      "SELECT actor_user_id AS actor FROM audit_events WHERE type = 'conference.messages_read' AND subject = ?",
    )
      .bind(conf.id)
      .first<{ actor: string }>();
    expect(audit?.actor).toBe(colleague.account.id);
  });

  it('mentions reach the notification center without any of the message text', async () => {
    const { center, counselor, colleague, supervisor, file } = await clinic();
    const conf = await openConference(center, file.caseId, counselor, [colleague, supervisor]);
    const text = 'CANARY-会诊-mention-7f3a';
    const res = await counselor.browser.post(
      `/api/conferences/${conf.id}/messages`,
      messageRequest(conf, counselor.account, text, [colleague.account.id]),
    );
    expect(res.status).toBe(201);
    const told = await colleague.browser.get('/api/notifications');
    expect(told.body.notifications).toHaveLength(1);
    expect(told.body.notifications[0]).toMatchObject({ eventType: 'conference.mention', subject: conf.id });
    expect(JSON.stringify(told.body)).not.toContain('CANARY');
    expect((await supervisor.browser.get('/api/notifications')).body.notifications).toHaveLength(0);
    const rows = await env.DB.prepare('SELECT * FROM notifications').all();
    expect(JSON.stringify(rows.results)).not.toContain('CANARY');
  });

  it('refuses the unauthenticated, non-participants and malformed or forged messages, writing nothing', async () => {
    const { center, counselor, colleague, outsider, file } = await clinic();
    const conf = await openConference(center, file.caseId, counselor, [colleague]);
    const path = `/api/conferences/${conf.id}/messages`;
    const before = await snapshotCounts();
    expect((await new Browser().post(path, messageRequest(conf, counselor.account, 'x'))).status).toBe(401);
    expect((await new Browser().get(path)).status).toBe(401);
    for (const res of [
      await outsider.browser.post(path, messageRequest(conf, outsider.account, 'x')),
      await outsider.browser.get(path),
      await outsider.browser.get(`/api/conferences/${conf.id}/keys`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await outsider.browser.get('/api/conferences')).body.conferences).toEqual([]);

    const signedByAnother = messageRequest(conf, colleague.account, 'not mine');
    const swapped = {
      ...messageRequest(conf, counselor.account, 'a'),
      sig: messageRequest(conf, counselor.account, 'b').sig,
    };
    const cases: [unknown, number, string][] = [
      [signedByAnother, 400, 'bad_signature'],
      [swapped, 400, 'bad_signature'],
      [{ ...messageRequest(conf, counselor.account, 'x'), epoch: 2 }, 409, 'stale_epoch'],
      [messageRequest(conf, counselor.account, 'x', [outsider.account.id]), 400, 'bad_mention'],
      [messageRequest(conf, counselor.account, 'x', [counselor.account.id]), 400, 'bad_mention'],
      [{ ...messageRequest(conf, counselor.account, 'x'), envelope: 'not base64!' }, 400, 'invalid_request'],
      [{ ...messageRequest(conf, counselor.account, 'x'), id: undefined }, 400, 'invalid_request'],
    ];
    for (const [body, status, code] of cases) {
      const res = await counselor.browser.post(path, body);
      expect(res.status, code).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it('refuses a participant whose access expired, and everyone once the conference has ended', async () => {
    const { center, counselor, colleague, supervisor, file } = await clinic();
    const conf = await openConference(center, file.caseId, counselor, [colleague]);
    const added = await counselor.browser.post(`/api/conferences/${conf.id}/participants`, {
      epoch: 1,
      wrap: conferenceWrap(conf, counselor.account, supervisor.account, Date.now() + HOUR),
    });
    expect(added.status).toBe(201);
    expect((await supervisor.browser.get(`/api/conferences/${conf.id}/keys`)).status).toBe(200);
    await letTimePass(2 * HOUR);
    for (const who of [counselor, colleague, supervisor]) await login(who.account, who.browser);
    const before = await snapshotCounts();
    for (const res of [
      await supervisor.browser.get(`/api/conferences/${conf.id}/keys`),
      await supervisor.browser.get(`/api/conferences/${conf.id}/messages`),
      await supervisor.browser.post(
        `/api/conferences/${conf.id}/messages`,
        messageRequest(conf, supervisor.account, 'x'),
      ),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('grant_expired');
    }
    expect(await snapshotCounts()).toEqual(before);

    const ending = await openConference(center, file.caseId, counselor, [colleague], Date.now() + HOUR);
    await letTimePass(2 * HOUR);
    await login(colleague.account, colleague.browser);
    const ended = await colleague.browser.get(`/api/conferences/${ending.id}/messages`);
    expect(ended.status).toBe(403);
    expect(ended.body.error.code).toBe('conference_expired');
  });
});
