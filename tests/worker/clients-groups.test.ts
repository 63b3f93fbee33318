import { describe, expect, it } from 'vitest';
import { fromBase64Url } from '../../crypto/bytes.js';
import { unwrapContactKey, unwrapGroupKey } from '../../crypto/grant.js';
import { clientRequest, contactWrap, groupRequest, randomWrap, recipientOf } from './support/case-files.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { addMember, setUpOrganization } from './support/scenario.js';

const SOME_ID = '00000000-0000-4000-8000-000000000000';

async function frontDesk() {
  const center = await setUpOrganization();
  const desk = await addMember(center, ['frontdesk']);
  const group = groupRequest(center.org.id, center.admin, [desk.account]);
  const { secretKey, ...body } = group;
  const made = await center.adminBrowser.post('/api/groups', body);
  return { center, desk, group, secretKey, made };
}

describe('front-desk group and contact cards', () => {
  it('creates a group whose member opens the group key, then a contact card through it', async () => {
    const { center, desk, group, secretKey, made } = await frontDesk();
    expect(made.status).toBe(201);

    const myKey = (await desk.browser.get(`/api/groups/${group.id}/my-key`)).body;
    const opened = await unwrapGroupKey(
      { org: center.org.id, groupId: group.id, epoch: 0, to: desk.account.id, by: center.admin.id },
      {
        enc: fromBase64Url(myKey.wrap.enc),
        ct: fromBase64Url(myKey.wrap.ct),
        sig: fromBase64Url(myKey.wrap.sig),
      },
      desk.account.keys.x25519Sk,
      center.admin.keys.ed25519Pk,
    );
    expect(opened).toEqual(secretKey);

    const client = clientRequest(
      center.org.id,
      desk.account,
      [{ kind: 'group', id: group.id, x25519Pk: fromBase64Url(group.x25519Pk) }],
      { name: 'Li Hua', phone: '13800000000' },
    );
    expect((await desk.browser.post('/api/clients', client.body)).status).toBe(201);
    const card = (await desk.browser.get(`/api/clients/${client.body.id}`)).body;
    expect(card.contactEnvelope).toBe(client.body.contactEnvelope);
    const [wrap] = card.wraps;
    const contactKey = await unwrapContactKey(
      {
        org: center.org.id,
        clientId: client.body.id,
        epoch: 0,
        to: group.id,
        perm: wrap.perm,
        expiresAtMs: 0,
        by: desk.account.id,
      },
      { enc: fromBase64Url(wrap.enc), ct: fromBase64Url(wrap.ct), sig: fromBase64Url(wrap.sig) },
      secretKey,
      desk.account.keys.ed25519Pk,
      Date.now(),
    );
    expect(contactKey).toEqual(client.contactKey);
    expect((await desk.browser.get('/api/clients')).body.clients.map((c: { id: string }) => c.id)).toEqual([
      client.body.id,
    ]);
  });

  it('shares a card with a matched counselor; others get 404 for the card and the group key', async () => {
    const { center, desk, group } = await frontDesk();
    const counselor = await addMember(center, ['counselor']);
    const client = clientRequest(
      center.org.id,
      desk.account,
      [{ kind: 'user', ...recipientOf(desk.account) }],
      {
        name: 'Wang Fang',
      },
    );
    await desk.browser.post('/api/clients', client.body);

    expect((await counselor.browser.get(`/api/clients/${client.body.id}`)).status).toBe(404);
    expect((await counselor.browser.get(`/api/groups/${group.id}/my-key`)).status).toBe(404);
    const shared = await desk.browser.post(`/api/clients/${client.body.id}/wraps`, {
      epoch: 0,
      wraps: [
        contactWrap(
          center.org.id,
          client.body.id,
          desk.account,
          { kind: 'user', ...recipientOf(counselor.account) },
          client.contactKey,
        ),
      ],
    });
    expect(shared.status).toBe(201);
    expect((await counselor.browser.get(`/api/clients/${client.body.id}`)).status).toBe(200);
  });

  it('refuses forged wraps, wraps to nobody the creator is, and non-admin groups; writes nothing', async () => {
    const { center, desk } = await frontDesk();
    const before = await snapshotCounts();
    const client = clientRequest(
      center.org.id,
      desk.account,
      [{ kind: 'user', ...recipientOf(desk.account) }],
      {},
    );
    const forged = { ...client.body, wraps: [{ ...client.body.wraps[0], ...randomWrap() }] };
    expect((await desk.browser.post('/api/clients', forged)).body.error.code).toBe('bad_signature');
    expect(await snapshotCounts()).toEqual(before);
    const other = await addMember(center, ['counselor']);
    const elsewhere = clientRequest(
      center.org.id,
      desk.account,
      [{ kind: 'user', ...recipientOf(other.account) }],
      {},
    );
    const beforeElsewhere = await snapshotCounts();
    expect((await desk.browser.post('/api/clients', elsewhere.body)).body.error.code).toBe('bad_recipient');
    expect(await snapshotCounts()).toEqual(beforeElsewhere);
    const group = groupRequest(center.org.id, desk.account, [desk.account]);
    expect((await desk.browser.post('/api/groups', { ...group, secretKey: undefined })).status).toBe(403);
  });
});

describe('every case-file route needs a session', () => {
  const routes = [
    ['POST', '/api/groups'],
    ['GET', '/api/groups'],
    ['GET', `/api/groups/${SOME_ID}/my-key`],
    ['POST', `/api/groups/${SOME_ID}/wraps`],
    ['GET', `/api/groups/${SOME_ID}/contact-wraps`],
    ['POST', `/api/groups/${SOME_ID}/rotate`],
    ['POST', '/api/clients'],
    ['GET', '/api/clients'],
    ['GET', '/api/clients/cards'],
    ['GET', `/api/clients/${SOME_ID}`],
    ['POST', `/api/clients/${SOME_ID}/wraps`],
    ['POST', '/api/cases'],
    ['GET', '/api/cases'],
    ['GET', `/api/cases/${SOME_ID}`],
    ['PATCH', `/api/cases/${SOME_ID}`],
    ['POST', `/api/cases/${SOME_ID}/transfer`],
    ['POST', `/api/cases/${SOME_ID}/records`],
    ['POST', `/api/cases/${SOME_ID}/grants`],
    ['DELETE', `/api/cases/${SOME_ID}/grants/${SOME_ID}`],
    ['POST', `/api/cases/${SOME_ID}/rotate`],
    ['POST', `/api/cases/${SOME_ID}/access-requests`],
    ['GET', '/api/access-requests?role=approver'],
    ['POST', `/api/access-requests/${SOME_ID}/decision`],
    ['DELETE', `/api/access-requests/${SOME_ID}`],
  ] as const;

  it.each(routes)('%s %s → 401 no_session', async (method, path) => {
    await setUpOrganization();
    const res = await new Browser().request(
      method,
      path,
      method === 'GET' || method === 'DELETE' ? {} : { json: {} },
    );
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('no_session');
  });
});
