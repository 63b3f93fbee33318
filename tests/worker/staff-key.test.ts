import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { fromBase64Url } from '../../crypto/bytes.js';
import { unrollStaffKeys, unwrapStaffKey } from '../../crypto/staff-key.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { tamper } from './support/factories.js';
import { articleRequest, createStaffKey, rotationRequest, staffWrap } from './support/knowledge.js';
import { addMember, type Member, type Organization, setUpOrganization } from './support/scenario.js';

async function center() {
  const org = await setUpOrganization();
  const counselor = await addMember(org, ['counselor']);
  const supervisor = await addMember(org, ['supervisor']);
  const frontDesk = await addMember(org, ['frontdesk']);
  return { org, counselor, supervisor, frontDesk };
}

/** What a holder's browser does: open its own wrap, then unroll the chain. */
async function openStaffKeys(org: Organization, reader: Member, granters: Member[]) {
  const res = await reader.browser.get('/api/staff-key');
  expect(res.status).toBe(200);
  const wrap = res.body.wrap;
  const granter = granters.find((m) => m.account.id === wrap.byUserId);
  if (!granter) throw new Error('unknown granter');
  const key = await unwrapStaffKey(
    { org: org.org.id, epoch: wrap.epoch, to: reader.account.id, by: wrap.byUserId },
    { enc: fromBase64Url(wrap.enc), ct: fromBase64Url(wrap.ct), sig: fromBase64Url(wrap.sig) },
    reader.account.keys.x25519Sk,
    granter.account.keys.ed25519Pk,
  );
  const chains = new Map<number, Uint8Array>(
    res.body.chain.map((link: { epoch: number; envelope: string }) => [
      link.epoch,
      fromBase64Url(link.envelope),
    ]),
  );
  return unrollStaffKeys(org.org.id, wrap.epoch, key, chains);
}

describe('the staff key', () => {
  it('a certified staff member makes it for the staff; each opens their own wrap', async () => {
    const { org, counselor, supervisor, frontDesk } = await center();
    const key = await createStaffKey(org, counselor, [supervisor, frontDesk]);
    const keys = await openStaffKeys(org, frontDesk, [counselor]);
    expect(keys.get(0)).toEqual(key.key);
    const view = await supervisor.browser.get('/api/staff-key');
    expect(view.body).toMatchObject({ epoch: 0, departed: [], chain: [] });
    expect(view.body.holders.sort()).toEqual(
      [counselor.account.id, supervisor.account.id, frontDesk.account.id].sort(),
    );
    const again = await supervisor.browser.post('/api/staff-key', {
      wraps: [staffWrap(key, supervisor.account, supervisor.account)],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('staff_key_exists');
    const audit = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_events WHERE type = 'staff_key.created'",
    ).first<{ n: number }>();
    expect(audit?.n).toBe(1);
  });

  it('refuses the unauthenticated, the uncertified, bad recipients, bad signatures and malformed bodies, writing nothing', async () => {
    const { org, counselor, supervisor } = await center();
    const uncertified = await addMember(org, ['counselor'], { certified: false });
    const key = { orgId: org.org.id, epoch: 0, key: new Uint8Array(32).fill(7) };
    const before = await snapshotCounts();
    const mine = staffWrap(key, counselor.account, counselor.account);

    expect((await new Browser().post('/api/staff-key', { wraps: [mine] })).status).toBe(401);
    expect((await new Browser().get('/api/staff-key')).status).toBe(401);
    const byUncertified = await uncertified.browser.post('/api/staff-key', {
      wraps: [staffWrap(key, uncertified.account, uncertified.account)],
    });
    expect(byUncertified.body.error.code).toBe('not_certified');
    const toUncertified = await counselor.browser.post('/api/staff-key', {
      wraps: [mine, staffWrap(key, counselor.account, uncertified.account)],
    });
    expect(toUncertified.status).toBe(409);
    expect(toUncertified.body.error.code).toBe('bad_recipient');
    const forged = await counselor.browser.post('/api/staff-key', {
      wraps: [staffWrap(key, supervisor.account, counselor.account)],
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('bad_signature');
    const notMine = await counselor.browser.post('/api/staff-key', {
      wraps: [staffWrap(key, counselor.account, supervisor.account)],
    });
    expect(notMine.status).toBe(400);
    const malformed = await counselor.browser.post('/api/staff-key', { wraps: [{ ...mine, enc: 'short' }] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_request');
    const tampered = await counselor.browser.post('/api/staff-key', {
      wraps: [{ ...mine, ct: tamper(mine.ct) }],
    });
    expect(tampered.status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);
  });

  it('a holder wraps it to a newcomer; a non-holder and a stale epoch are refused', async () => {
    const { org, counselor, supervisor } = await center();
    const key = await createStaffKey(org, counselor, []);
    const newcomer = await addMember(org, ['finance']);
    const before = await snapshotCounts();
    const byNonHolder = await supervisor.browser.post('/api/staff-key/wraps', {
      epoch: 0,
      wraps: [staffWrap(key, supervisor.account, newcomer.account)],
    });
    expect(byNonHolder.status).toBe(403);
    expect(byNonHolder.body.error.code).toBe('no_staff_key');
    const stale = await counselor.browser.post('/api/staff-key/wraps', {
      epoch: 3,
      wraps: [staffWrap(key, counselor.account, newcomer.account)],
    });
    expect(stale.status).toBe(409);
    expect(await snapshotCounts()).toEqual(before);

    const added = await counselor.browser.post('/api/staff-key/wraps', {
      epoch: 0,
      wraps: [
        staffWrap(key, counselor.account, newcomer.account),
        staffWrap(key, counselor.account, supervisor.account),
      ],
    });
    expect(added.status).toBe(201);
    expect((await openStaffKeys(org, newcomer, [counselor])).get(0)).toEqual(key.key);
    const twice = await counselor.browser.post('/api/staff-key/wraps', {
      epoch: 0,
      wraps: [staffWrap(key, counselor.account, newcomer.account)],
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_granted');
  });

  it('a holder who leaves makes rotation due; after rotation the rest read every epoch and the leaver holds none of the new', async () => {
    const { org, counselor, supervisor, frontDesk } = await center();
    const key = await createStaffKey(org, counselor, [supervisor, frontDesk]);
    const disabled = await org.adminBrowser.patch(`/api/users/${frontDesk.account.id}`, {
      status: 'disabled',
    });
    expect(disabled.status).toBe(200);

    const view = await counselor.browser.get('/api/staff-key');
    expect(view.body.departed).toEqual([frontDesk.account.id]);
    const blocked = await counselor.browser.post(
      '/api/knowledge/articles',
      articleRequest(key, counselor.account, { title: 't', body: 'b' }),
    );
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('rotation_required');

    const toLeaver = rotationRequest(key, supervisor.account, [supervisor.account, frontDesk.account]);
    const refused = await supervisor.browser.post('/api/staff-key/rotate', toLeaver.body);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('bad_recipient');

    const { next, body } = rotationRequest(key, supervisor.account, [supervisor.account, counselor.account]);
    const skipped = await supervisor.browser.post('/api/staff-key/rotate', { ...body, epoch: 2 });
    expect(skipped.status).toBe(409);
    expect((await supervisor.browser.post('/api/staff-key/rotate', body)).status).toBe(201);
    expect((await supervisor.browser.post('/api/staff-key/rotate', body)).status).toBe(409);

    const keys = await openStaffKeys(org, counselor, [supervisor]);
    expect(keys.get(1)).toEqual(next.key);
    expect(keys.get(0)).toEqual(key.key);
    const wraps = await env.DB.prepare('SELECT user_id FROM staff_key_wraps WHERE epoch = 1').all<{
      user_id: string;
    }>();
    expect(wraps.results.map((row) => row.user_id)).not.toContain(frontDesk.account.id);

    const old = await counselor.browser.post(
      '/api/knowledge/articles',
      articleRequest(key, counselor.account, { title: 't', body: 'b' }),
    );
    expect(old.body.error.code).toBe('stale_epoch');
    const fresh = await counselor.browser.post(
      '/api/knowledge/articles',
      articleRequest(next, counselor.account, { title: 't', body: 'b' }),
    );
    expect(fresh.status).toBe(201);
  });
});
