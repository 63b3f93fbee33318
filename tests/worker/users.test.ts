import { describe, expect, it } from 'vitest';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { certify, rootWrap, tamper } from './support/factories.js';
import { addMember, login, setUpOrganization } from './support/scenario.js';

describe('certificates (PROTOCOL §4)', () => {
  it('stores a certificate the org root key signed and shows it in the directory', async () => {
    const center = await setUpOrganization();
    const { account: counselor, browser } = await addMember(center, ['counselor'], { certified: false });
    const cert = certify(center.org, counselor);

    const res = await center.adminBrowser.post(`/api/users/${counselor.id}/certificate`, cert);

    expect(res.status).toBe(200);
    expect(res.body.cert).toEqual(cert);
    const directory = await browser.get('/api/users/directory');
    expect(directory.body.users).toContainEqual(
      expect.objectContaining({
        id: counselor.id,
        email: counselor.email,
        cert,
        x25519Pk: counselor.payload.x25519Pk,
      }),
    );
  });

  it('refuses a certificate with a bad signature (400) and stores nothing', async () => {
    const center = await setUpOrganization();
    const { account: counselor } = await addMember(center, ['counselor'], { certified: false });
    const cert = certify(center.org, counselor);
    const before = await snapshotCounts();

    const res = await center.adminBrowser.post(`/api/users/${counselor.id}/certificate`, {
      ...cert,
      sig: tamper(cert.sig),
    });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_certificate');
    expect(await snapshotCounts()).toEqual(before);
    const users = (await center.adminBrowser.get('/api/users')).body.users;
    expect(users.find((user: { id: string }) => user.id === counselor.id).cert).toBeNull();
  });

  it('refuses a certificate over other keys or another time', async () => {
    const center = await setUpOrganization();
    const { account: counselor } = await addMember(center, ['counselor'], { certified: false });
    const cert = certify(center.org, counselor, 1_000);

    const res = await center.adminBrowser.post(`/api/users/${counselor.id}/certificate`, {
      ...cert,
      issuedAtMs: 2_000,
    });

    expect(res.body.error.code).toBe('bad_certificate');
  });

  it('answers 404 for an unknown user', async () => {
    const center = await setUpOrganization();
    const res = await center.adminBrowser.post(
      '/api/users/00000000-0000-4000-8000-000000000000/certificate',
      certify(center.org, center.admin),
    );
    expect(res.body.error.code).toBe('user_not_found');
  });
});

describe('managing users', () => {
  it('changes roles and audits the change', async () => {
    const center = await setUpOrganization();
    const { account: counselor } = await addMember(center, ['counselor']);

    const res = await center.adminBrowser.patch(`/api/users/${counselor.id}`, {
      roles: ['counselor', 'supervisor'],
    });

    expect(res.body.roles).toEqual(['counselor', 'supervisor']);
    const [event] = (await center.adminBrowser.get('/api/audit')).body.events;
    expect(event).toMatchObject({
      type: 'user.updated',
      subject: counselor.id,
      details: { roles: ['counselor', 'supervisor'], previousRoles: ['counselor'] },
    });
  });

  it('disabling a user ends their sessions and refuses their login', async () => {
    const center = await setUpOrganization();
    const { account: counselor, browser } = await addMember(center, ['counselor']);

    await center.adminBrowser.patch(`/api/users/${counselor.id}`, { status: 'disabled' });

    expect((await browser.get('/api/auth/session')).status).toBe(401);
    expect((await login(counselor)).status).toBe(401);
  });

  it('never removes the last active admin', async () => {
    const center = await setUpOrganization();

    const demote = await center.adminBrowser.patch(`/api/users/${center.admin.id}`, { roles: ['director'] });
    const disable = await center.adminBrowser.patch(`/api/users/${center.admin.id}`, { status: 'disabled' });

    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last_admin');
    expect(disable.body.error.code).toBe('last_admin');
  });

  it('lets an admin step down once another admin exists', async () => {
    const center = await setUpOrganization();
    await addMember(center, ['admin']);
    const res = await center.adminBrowser.patch(`/api/users/${center.admin.id}`, { roles: ['director'] });
    expect(res.status).toBe(200);
  });
});

describe('root-key wraps for other admins', () => {
  it('stores a wrap for a certified admin, returned to that admin only at login', async () => {
    const center = await setUpOrganization();
    const { account: second } = await addMember(center, ['admin']);
    const wrap = rootWrap();

    const res = await center.adminBrowser.post('/api/admin/root-wraps', { userId: second.id, ...wrap });

    expect(res.status).toBe(201);
    expect((await login(second)).body.rootWrap).toEqual({ ...wrap, byUserId: center.admin.id });
  });

  it('refuses to wrap the root key to a non-admin or an uncertified admin', async () => {
    const center = await setUpOrganization();
    const { account: counselor } = await addMember(center, ['counselor']);
    const { account: uncertified } = await addMember(center, ['admin'], { certified: false });

    const toCounselor = await center.adminBrowser.post('/api/admin/root-wraps', {
      userId: counselor.id,
      ...rootWrap(),
    });
    const toUncertified = await center.adminBrowser.post('/api/admin/root-wraps', {
      userId: uncertified.id,
      ...rootWrap(),
    });

    expect(toCounselor.body.error.code).toBe('not_admin');
    expect(toUncertified.body.error.code).toBe('not_certified');
  });
});

describe('directory', () => {
  it('lists every colleague’s public keys to any signed-in user, nothing secret', async () => {
    const center = await setUpOrganization();
    const { browser } = await addMember(center, ['frontdesk']);

    const res = await browser.get('/api/users/directory');

    expect(res.body.users).toHaveLength(2);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(center.admin.payload.keyBundle);
    expect(text).not.toContain('authHash');
    expect((await new Browser().get('/api/users/directory')).status).toBe(401);
  });
});
