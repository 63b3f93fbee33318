import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openCase } from './support/case-files.js';
import { Browser } from './support/client.js';
import { messageRequest, openConference } from './support/conferences.js';
import { snapshotCounts } from './support/database.js';
import { addMember, setUpOrganization } from './support/scenario.js';

/** Reading a thread for the browser's search (issue 14) leaves the reader's unread count alone. */

async function threadWithOneMessage() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const colleague = await addMember(center, ['counselor']);
  const outsider = await addMember(center, ['counselor']);
  const file = await openCase(center, counselor);
  const conf = await openConference(center, file.caseId, counselor, [colleague]);
  const posted = await counselor.browser.post(
    `/api/conferences/${conf.id}/messages`,
    messageRequest(conf, counselor.account, '想听听大家对家庭治疗方向的意见'),
  );
  expect(posted.status).toBe(201);
  return { conf, colleague, outsider };
}

const unreadOf = async (browser: Browser) =>
  (await browser.get('/api/conferences')).body.conferences[0].unread as number;

describe('peeking at a thread', () => {
  it('returns every message, audits the read, and keeps the unread count', async () => {
    const { conf, colleague } = await threadWithOneMessage();
    const peeked = await colleague.browser.get(`/api/conferences/${conf.id}/messages?peek=1`);
    expect(peeked.status).toBe(200);
    expect(peeked.body.messages).toHaveLength(1);
    expect(await unreadOf(colleague.browser)).toBe(1);
    const audit = await env.DB.prepare(
      "SELECT details FROM audit_events WHERE type = 'conference.messages_read' AND subject = ?",
    )
      .bind(conf.id)
      .first<{ details: string }>();
    expect(JSON.parse(audit?.details ?? '{}')).toMatchObject({ upTo: 1, peek: true });

    expect((await colleague.browser.get(`/api/conferences/${conf.id}/messages`)).status).toBe(200);
    expect(await unreadOf(colleague.browser)).toBe(0);
  });

  it('refuses the unauthenticated, non-participants and unknown query values, writing nothing', async () => {
    const { conf, colleague, outsider } = await threadWithOneMessage();
    const path = `/api/conferences/${conf.id}/messages`;
    const before = await snapshotCounts();
    expect((await new Browser().get(`${path}?peek=1`)).status).toBe(401);
    const stranger = await outsider.browser.get(`${path}?peek=1`);
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe('not_found');
    for (const query of ['?peek=yes', '?peek=1&mark=0']) {
      const res = await colleague.browser.get(`${path}${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    expect(await snapshotCounts()).toEqual(before);
    expect(await unreadOf(colleague.browser)).toBe(1);
  });
});
