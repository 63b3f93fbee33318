import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Browser } from './support/client.js';
import {
  clinic,
  conferenceWrap,
  messageRequest,
  openConference,
  people,
  readThread,
  rotationRequest,
} from './support/conferences.js';
import { snapshotCounts } from './support/database.js';
import { addMember } from './support/scenario.js';

/** Who takes part in a conference: adding a colleague, removing one, and the key rotation that follows. */

describe('participants and rotation', () => {
  it('a participant adds a colleague, who then reads the whole thread', async () => {
    const { center, counselor, colleague, supervisor, outsider, file } = await clinic();
    const conf = await openConference(center, file.caseId, counselor, [colleague]);
    await counselor.browser.post(
      `/api/conferences/${conf.id}/messages`,
      messageRequest(conf, counselor.account, 'first'),
    );
    const path = `/api/conferences/${conf.id}/participants`;
    const before = await snapshotCounts();
    const byOutsider = await outsider.browser.post(path, {
      epoch: 1,
      wrap: conferenceWrap(conf, outsider.account, supervisor.account),
    });
    expect(byOutsider.status).toBe(404);
    expect(
      (
        await new Browser().post(path, {
          epoch: 1,
          wrap: conferenceWrap(conf, counselor.account, supervisor.account),
        })
      ).status,
    ).toBe(401);
    const again = await colleague.browser.post(path, {
      epoch: 1,
      wrap: conferenceWrap(conf, colleague.account, counselor.account),
    });
    expect(again.body.error.code).toBe('already_participant');
    const forged = await colleague.browser.post(path, {
      epoch: 1,
      wrap: conferenceWrap(conf, counselor.account, supervisor.account),
    });
    expect(forged.body.error.code).toBe('bad_signature');
    expect((await colleague.browser.post(path, { epoch: 1 })).status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);

    const added = await colleague.browser.post(path, {
      epoch: 1,
      wrap: conferenceWrap(conf, colleague.account, supervisor.account),
    });
    expect(added.status).toBe(201);
    expect(await readThread(center, conf, supervisor, people(counselor, colleague, supervisor))).toEqual([
      'first',
    ]);
  });

  it('a removal refuses the removed person everything and old-epoch messages until the key rotates', async () => {
    const { center, counselor, colleague, supervisor, file } = await clinic();
    const conf = await openConference(center, file.caseId, counselor, [colleague, supervisor]);
    const base = `/api/conferences/${conf.id}`;
    await colleague.browser.post(
      `${base}/messages`,
      messageRequest(conf, colleague.account, 'before removal'),
    );

    const notCreator = await supervisor.browser.delete(`${base}/participants/${colleague.account.id}`);
    expect(notCreator.status).toBe(403);
    expect(
      (await colleague.browser.delete(`${base}/participants/${counselor.account.id}`)).body.error.code,
    ).toBe('cannot_remove');
    expect((await counselor.browser.delete(`${base}/participants/${colleague.account.id}`)).status).toBe(204);

    for (const res of [
      await colleague.browser.get(`${base}/keys`),
      await colleague.browser.get(`${base}/messages`),
      await colleague.browser.post(`${base}/messages`, messageRequest(conf, colleague.account, 'x')),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('participant_removed');
    }
    expect((await colleague.browser.get('/api/conferences')).body.conferences).toEqual([]);
    const stale = await counselor.browser.post(
      `${base}/messages`,
      messageRequest(conf, counselor.account, 'x'),
    );
    expect(stale.body.error.code).toBe('rotation_required');
    const noAdd = await counselor.browser.post(`${base}/participants`, {
      epoch: 1,
      wrap: conferenceWrap(conf, counselor.account, (await addMember(center, ['counselor'])).account),
    });
    expect(noAdd.body.error.code).toBe('rotation_required');

    const before = await snapshotCounts();
    const withRemoved = rotationRequest(conf, supervisor.account, [
      counselor.account,
      supervisor.account,
      colleague.account,
    ]);
    expect((await supervisor.browser.post(`${base}/rotate`, withRemoved.body)).body.error.code).toBe(
      'participants_mismatch',
    );
    const missing = rotationRequest(conf, supervisor.account, [supervisor.account]);
    expect((await supervisor.browser.post(`${base}/rotate`, missing.body)).body.error.code).toBe(
      'participants_mismatch',
    );
    const skipping = rotationRequest(conf, supervisor.account, [counselor.account, supervisor.account]);
    expect(
      (await supervisor.browser.post(`${base}/rotate`, { ...skipping.body, epoch: 3 })).body.error.code,
    ).toBe('stale_epoch');
    expect((await colleague.browser.post(`${base}/rotate`, skipping.body)).body.error.code).toBe(
      'participant_removed',
    );
    expect((await supervisor.browser.post(`${base}/rotate`, { ...skipping.body, chain: 'AA' })).status).toBe(
      400,
    );
    expect(await snapshotCounts()).toEqual(before);

    const rotated = await supervisor.browser.post(`${base}/rotate`, skipping.body);
    expect(rotated.status).toBe(201);
    expect(rotated.body.epoch).toBe(2);
    expect((await supervisor.browser.post(`${base}/rotate`, skipping.body)).body.error.code).toBe(
      'rotation_not_due',
    );
    expect(
      (await counselor.browser.post(`${base}/messages`, messageRequest(conf, counselor.account, 'old key')))
        .body.error.code,
    ).toBe('stale_epoch');
    const after = await counselor.browser.post(
      `${base}/messages`,
      messageRequest(skipping.next, counselor.account, 'after removal'),
    );
    expect(after.status).toBe(201);
    expect(await readThread(center, conf, supervisor, people(counselor, colleague, supervisor))).toEqual([
      'before removal',
      'after removal',
    ]);
    expect((await colleague.browser.get(`${base}/messages`)).body.error.code).toBe('participant_removed');
    const leftWraps = await env.DB.prepare(
      'SELECT count(*) AS n FROM conference_key_wraps WHERE conference_id = ? AND epoch = 2 AND to_user_id = ?',
    )
      .bind(conf.id, colleague.account.id)
      .first<{ n: number }>();
    expect(leftWraps?.n).toBe(0);
  });
});
