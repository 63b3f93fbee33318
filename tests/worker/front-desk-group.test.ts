import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../crypto/bytes.js';
import { unwrapContactKey, unwrapGroupKey, wrapContactKey } from '../../crypto/grant.js';
import { openEarlierGroupKey, sealEarlierGroupKey } from '../../crypto/group-key.js';
import {
  clientRequest,
  groupKeyRequest,
  groupRequest,
  groupWrap,
  randomWrap,
  recipientOf,
} from './support/case-files.js';
import { snapshotCounts } from './support/database.js';
import type { Account } from './support/factories.js';
import { addMember, type Member, type Organization, setUpOrganization } from './support/scenario.js';

/**
 * The front-desk group over time (PROTOCOL §4): members are the active front-desk users with
 * certified keys; a member's browser adds newcomers, and after someone leaves rotates the key and
 * re-wraps every contact card the group held.
 */

interface WrapJson {
  enc: string;
  ct: string;
  sig: string;
}
const bytesOf = (wrap: WrapJson) => ({
  enc: fromBase64Url(wrap.enc),
  ct: fromBase64Url(wrap.ct),
  sig: fromBase64Url(wrap.sig),
});

async function frontDeskOf(size: number) {
  const center = await setUpOrganization();
  const desks: Member[] = [];
  for (let i = 0; i < size; i++) desks.push(await addMember(center, ['frontdesk']));
  const [first] = desks;
  if (!first) throw new Error('at least one front-desk member');
  const group = groupRequest(
    center.org.id,
    center.admin,
    desks.map((desk) => desk.account),
  );
  const { secretKey, ...body } = group;
  expect((await center.adminBrowser.post('/api/groups', body)).status).toBe(201);
  return { center, desks, first, groupId: group.id, secretKey, pk: fromBase64Url(group.x25519Pk) };
}

/** A card a counselor makes, wrapped to themselves and to the group's public key. */
async function counselorCard(center: Organization, counselor: Member, groupId: string, groupPk: Uint8Array) {
  const card = clientRequest(
    center.org.id,
    counselor.account,
    [
      { kind: 'user', ...recipientOf(counselor.account) },
      { kind: 'group', id: groupId, x25519Pk: groupPk },
    ],
    { name: '李华', phone: '13800000000' },
  );
  expect((await counselor.browser.post('/api/clients', card.body)).status).toBe(201);
  return card;
}

/** The group's wrap of a card, opened with a group private key. */
async function openGroupWrap(
  center: Organization,
  clientId: string,
  groupId: string,
  wrap: WrapJson & { byUserId: string },
  groupSk: Uint8Array,
  granter: Account,
) {
  return unwrapContactKey(
    { org: center.org.id, clientId, epoch: 0, to: groupId, perm: 'write', expiresAtMs: 0, by: wrap.byUserId },
    bytesOf(wrap),
    groupSk,
    granter.keys.ed25519Pk,
    Date.now(),
  );
}

/** What a member's browser does to rotate: a new pair, and every held card re-wrapped to it. */
async function rotation(
  center: Organization,
  groupId: string,
  by: Member,
  oldSk: Uint8Array,
  stay: Account[],
) {
  const held = (await by.browser.get(`/api/groups/${groupId}/contact-wraps`)).body;
  const next = groupKeyRequest(center.org.id, groupId, held.epoch + 1, by.account, stay);
  const contactWraps = [];
  for (const wrap of held.wraps) {
    const key = await unwrapContactKey(
      {
        org: center.org.id,
        clientId: wrap.clientId,
        epoch: wrap.epoch,
        to: groupId,
        perm: wrap.perm,
        expiresAtMs: wrap.expiresAt,
        by: wrap.byUserId,
      },
      bytesOf(wrap),
      oldSk,
      (await granterKey(center, wrap.byUserId)) ?? new Uint8Array(32),
      Date.now(),
    );
    const rewrapped = wrapContactKey(
      {
        org: center.org.id,
        clientId: wrap.clientId,
        epoch: wrap.epoch,
        to: groupId,
        perm: wrap.perm,
        expiresAtMs: wrap.expiresAt,
        by: by.account.id,
      },
      key,
      fromBase64Url(next.x25519Pk),
      by.account.keys.ed25519Seed,
    );
    contactWraps.push({
      clientId: wrap.clientId,
      enc: toBase64Url(rewrapped.enc),
      ct: toBase64Url(rewrapped.ct),
      sig: toBase64Url(rewrapped.sig),
    });
  }
  const { secretKey, ...keyBody } = next;
  const link = sealEarlierGroupKey(
    fromBase64Url(next.x25519Pk),
    { org: center.org.id, groupId, epoch: held.epoch },
    oldSk,
  );
  const chain = { enc: toBase64Url(link.enc), ct: toBase64Url(link.ct) };
  return { body: { epoch: held.epoch + 1, ...keyBody, contactWraps, chain }, secretKey };
}

async function granterKey(center: Organization, userId: string): Promise<Uint8Array | undefined> {
  const directory = (await center.adminBrowser.get('/api/users/directory')).body;
  const user = directory.users.find((u: { id: string }) => u.id === userId);
  return user ? fromBase64Url(user.ed25519Pk) : undefined;
}

const auditTypes = async () =>
  (await env.DB.prepare('SELECT type FROM audit_events ORDER BY seq').all<{ type: string }>()).results.map(
    (row) => row.type,
  );

describe('the front-desk group key', () => {
  it('is made once, by an admin, with a public key signed by the admin, for front-desk users only', async () => {
    const center = await setUpOrganization();
    const desk = await addMember(center, ['frontdesk']);
    const counselor = await addMember(center, ['counselor']);
    const before = await snapshotCounts();

    const { secretKey: _unused, ...made } = groupRequest(center.org.id, center.admin, [desk.account]);
    const forged = { ...made, pkSig: randomWrap().sig };
    expect((await center.adminBrowser.post('/api/groups', forged)).body.error.code).toBe('bad_signature');
    const { secretKey: _s, ...toCounselor } = groupRequest(center.org.id, center.admin, [counselor.account]);
    expect((await center.adminBrowser.post('/api/groups', toCounselor)).body.error.code).toBe(
      'bad_recipient',
    );
    expect(await snapshotCounts()).toEqual(before);

    const { secretKey: _k, ...good } = groupRequest(center.org.id, center.admin, [desk.account]);
    expect((await center.adminBrowser.post('/api/groups', good)).status).toBe(201);
    const listed = (await counselor.browser.get('/api/groups')).body.groups;
    expect(listed).toEqual([
      expect.objectContaining({ id: good.id, epoch: 0, pkSig: good.pkSig, pkBy: center.admin.id }),
    ]);
    const { secretKey: _t, ...second } = groupRequest(center.org.id, center.admin, [desk.account]);
    const again = await center.adminBrowser.post('/api/groups', second);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('group_exists');
  });

  it('lets a member wrap the key to a newcomer to the front desk, and no one else', async () => {
    const { center, first, groupId, secretKey } = await frontDeskOf(1);
    const newcomer = await addMember(center, ['frontdesk']);
    const counselor = await addMember(center, ['counselor']);
    expect((await newcomer.browser.get(`/api/groups/${groupId}/my-key`)).status).toBe(404);

    const wrapTo = (granter: Account, who: Account) =>
      groupWrap(center.org.id, groupId, 0, granter, who, secretKey);
    const before = await snapshotCounts();
    const byAdmin = await center.adminBrowser.post(`/api/groups/${groupId}/wraps`, {
      epoch: 0,
      wraps: [wrapTo(center.admin, newcomer.account)],
    });
    expect([byAdmin.status, byAdmin.body.error.code]).toEqual([403, 'not_a_member']);
    const toCounselor = await first.browser.post(`/api/groups/${groupId}/wraps`, {
      epoch: 0,
      wraps: [wrapTo(first.account, counselor.account)],
    });
    expect([toCounselor.status, toCounselor.body.error.code]).toEqual([409, 'bad_recipient']);
    const stale = await first.browser.post(`/api/groups/${groupId}/wraps`, {
      epoch: 1,
      wraps: [wrapTo(first.account, newcomer.account)],
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'stale_epoch']);
    const malformed = await first.browser.post(`/api/groups/${groupId}/wraps`, { epoch: 0, wraps: [{}] });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'invalid_request']);
    expect(await snapshotCounts()).toEqual(before);

    const added = await first.browser.post(`/api/groups/${groupId}/wraps`, {
      epoch: 0,
      wraps: [wrapTo(first.account, newcomer.account)],
    });
    expect(added.status).toBe(201);
    const mine = (await newcomer.browser.get(`/api/groups/${groupId}/my-key`)).body;
    expect(mine.holders.sort()).toEqual([first.account.id, newcomer.account.id].sort());
    expect(mine.departed).toEqual([]);
    const opened = await unwrapGroupKey(
      { org: center.org.id, groupId, epoch: 0, to: newcomer.account.id, by: first.account.id },
      bytesOf(mine.wrap),
      newcomer.account.keys.x25519Sk,
      first.account.keys.ed25519Pk,
    );
    expect(opened).toEqual(secretKey);
  });

  it('shows a member every card the group holds, decryptable, in one list', async () => {
    const { center, first, groupId, secretKey, pk } = await frontDeskOf(1);
    const counselor = await addMember(center, ['counselor']);
    const other = await addMember(center, ['counselor']);
    const card = await counselorCard(center, counselor, groupId, pk);

    const cards = (await first.browser.get('/api/clients/cards')).body.cards;
    expect(cards.map((c: { id: string }) => c.id)).toEqual([card.body.id]);
    expect(cards[0].contactEnvelope).toBe(card.body.contactEnvelope);
    const [wrap] = cards[0].wraps;
    expect(wrap).toMatchObject({ toKind: 'group', to: groupId });
    const key = await openGroupWrap(center, card.body.id, groupId, wrap, secretKey, counselor.account);
    expect(key).toEqual(card.contactKey);
    expect(await auditTypes()).toContain('client.cards_read');

    expect((await other.browser.get('/api/clients/cards')).body.cards).toEqual([]);
  });
});

describe('when someone leaves the front desk', () => {
  async function afterLeaving() {
    const setup = await frontDeskOf(2);
    const { center, desks, groupId, pk } = setup;
    const [stays, leaves] = desks as [Member, Member];
    const counselor = await addMember(center, ['counselor']);
    const oldCard = await counselorCard(center, counselor, groupId, pk);
    const changed = await center.adminBrowser.patch(`/api/users/${leaves.account.id}`, {
      roles: ['counselor'],
    });
    expect(changed.status).toBe(200);
    return { ...setup, stays, leaves, counselor, oldCard };
  }

  it('refuses the leaver the group key and the cards at once, and tells members to rotate', async () => {
    const { stays, leaves, groupId, oldCard } = await afterLeaving();
    expect((await leaves.browser.get(`/api/groups/${groupId}/my-key`)).status).toBe(404);
    expect((await leaves.browser.get(`/api/clients/${oldCard.body.id}`)).status).toBe(404);
    expect((await leaves.browser.get('/api/clients/cards')).body.cards).toEqual([]);
    expect((await leaves.browser.get(`/api/groups/${groupId}/contact-wraps`)).status).toBe(404);
    const mine = (await stays.browser.get(`/api/groups/${groupId}/my-key`)).body;
    expect(mine.departed).toEqual([leaves.account.id]);
  });

  it('rotates: the leaver’s old key opens neither the re-wrapped cards nor any card made afterwards', async () => {
    const { center, stays, leaves, counselor, groupId, secretKey: oldSk, oldCard } = await afterLeaving();
    const { body, secretKey: newSk } = await rotation(center, groupId, stays, oldSk, [stays.account]);
    const rotated = await stays.browser.post(`/api/groups/${groupId}/rotate`, body);
    expect(rotated.status).toBe(201);
    expect(await auditTypes()).toContain('group.rotated');

    const mine = (await stays.browser.get(`/api/groups/${groupId}/my-key`)).body;
    expect([mine.group.epoch, mine.holders, mine.departed]).toEqual([1, [stays.account.id], []]);
    // The key chain: epoch 0's key, sealed to epoch 1's, for what was sealed to it earlier.
    const [link] = mine.chain;
    const earlier = openEarlierGroupKey(
      newSk,
      { org: center.org.id, groupId, epoch: 0 },
      {
        enc: fromBase64Url(link.enc),
        ct: fromBase64Url(link.ct),
      },
    );
    expect([link.epoch, earlier]).toEqual([0, oldSk]);
    const [group] = (await counselor.browser.get('/api/groups')).body.groups;
    expect([group.x25519Pk, group.pkBy]).toEqual([body.x25519Pk, stays.account.id]);

    const newCard = await counselorCard(center, counselor, groupId, fromBase64Url(group.x25519Pk));
    const cards = (await stays.browser.get('/api/clients/cards')).body.cards;
    expect(cards.map((c: { id: string }) => c.id).sort()).toEqual([oldCard.body.id, newCard.body.id].sort());
    for (const [card, made] of [
      [newCard, counselor.account],
      [oldCard, stays.account],
    ] as const) {
      const wrap = cards.find((c: { id: string }) => c.id === card.body.id).wraps[0];
      expect(await openGroupWrap(center, card.body.id, groupId, wrap, newSk, made)).toEqual(card.contactKey);
      await expect(openGroupWrap(center, card.body.id, groupId, wrap, oldSk, made)).rejects.toThrow();
    }
    expect((await leaves.browser.get(`/api/clients/${newCard.body.id}`)).status).toBe(404);
  });

  it('refuses a rotation that leaves a card behind, skips an epoch, is not signed, or comes from outside', async () => {
    const { center, stays, leaves, groupId, secretKey: oldSk } = await afterLeaving();
    const { body } = await rotation(center, groupId, stays, oldSk, [stays.account]);
    const keepsLeaver = await rotation(center, groupId, stays, oldSk, [stays.account, leaves.account]);
    const admin: Member = { account: center.admin, browser: center.adminBrowser };
    const before = await snapshotCounts();
    const attempts: [Member, object, number, string][] = [
      [stays, { ...body, contactWraps: [] }, 409, 'incomplete_rewrap'],
      [stays, { ...body, epoch: 2 }, 409, 'stale_epoch'],
      [stays, { ...body, pkSig: randomWrap().sig }, 400, 'bad_signature'],
      [stays, { ...body, x25519Pk: toBase64Url(new Uint8Array(32).fill(9)) }, 400, 'bad_signature'],
      [
        stays,
        { ...body, contactWraps: body.contactWraps.map((w) => ({ ...w, ...randomWrap() })) },
        400,
        'bad_signature',
      ],
      [stays, { ...body, wraps: [] }, 400, 'invalid_request'],
      [stays, { ...body, chain: undefined }, 400, 'invalid_request'],
      [leaves, body, 403, 'not_a_member'],
      [admin, body, 403, 'not_a_member'],
    ];
    for (const [who, attempt, status, code] of attempts) {
      const res = await who.browser.post(`/api/groups/${groupId}/rotate`, attempt);
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
    const refused = await stays.browser.post(`/api/groups/${groupId}/rotate`, keepsLeaver.body);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'bad_recipient']);
    expect(await snapshotCounts()).toEqual(before);
  });
});
