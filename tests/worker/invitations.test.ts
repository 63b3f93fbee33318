import { describe, expect, it } from 'vitest';
import { Browser } from './support/client.js';
import { DAY, letTimePass } from './support/clock.js';
import { countRows, snapshotCounts } from './support/database.js';
import { account } from './support/factories.js';
import { invitationTokenFromOutbox, login, setUpOrganization } from './support/scenario.js';

describe('invitations', () => {
  it('takes an invitee from the emailed link to a signed-in, uncertified account', async () => {
    const center = await setUpOrganization();
    const counselor = account({ email: 'li@clinic.test' });

    const invited = await center.adminBrowser.post('/api/invitations', {
      email: 'Li@Clinic.test',
      roles: ['counselor', 'supervisor'],
      displayName: 'Li Na',
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toEqual({ id: expect.any(String), expiresAt: expect.any(Number) });
    expect(invited.body.expiresAt - Date.now()).toBeGreaterThan(7 * DAY - 60_000);

    const outbox = await new Browser().get('/api/dev/outbox');
    expect(outbox.body.emails[0]).toMatchObject({ to: 'li@clinic.test' });
    expect(outbox.body.emails[0].body).toContain('http://localhost:8787/invite#token=');
    const token = await invitationTokenFromOutbox('li@clinic.test');

    const invitee = new Browser();
    const lookup = await invitee.post('/api/invitations/lookup', { token });
    expect(lookup.body).toEqual({
      email: 'li@clinic.test',
      roles: ['counselor', 'supervisor'],
      displayName: 'Li Na',
      orgName: 'Harbor Counseling Center',
      rootPk: center.org.rootPk,
    });

    const accepted = await invitee.post('/api/invitations/accept', { token, user: counselor.payload });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({
      id: counselor.id,
      email: 'li@clinic.test',
      roles: ['counselor', 'supervisor'],
      cert: null,
    });
    expect(accepted.body.rootWrap).toBeNull();
    expect((await invitee.get('/api/auth/session')).body.user.id).toBe(counselor.id);

    const list = await center.adminBrowser.get('/api/invitations');
    expect(list.body.invitations[0]).toMatchObject({ status: 'accepted', acceptedUserId: counselor.id });

    expect((await login(counselor)).status).toBe(200);
  });

  it('works once: a used link is invalid', async () => {
    const center = await setUpOrganization();
    await center.adminBrowser.post('/api/invitations', { email: 'li@clinic.test', roles: ['counselor'] });
    const token = await invitationTokenFromOutbox('li@clinic.test');
    await new Browser().post('/api/invitations/accept', { token, user: account().payload });
    const users = await countRows('users');

    const again = await new Browser().post('/api/invitations/accept', { token, user: account().payload });
    const lookup = await new Browser().post('/api/invitations/lookup', { token });

    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('invitation_invalid');
    expect(lookup.body.error.code).toBe('invitation_invalid');
    expect(await countRows('users')).toBe(users);
  });

  it('expires after 7 days', async () => {
    const center = await setUpOrganization();
    await center.adminBrowser.post('/api/invitations', { email: 'li@clinic.test', roles: ['counselor'] });
    const token = await invitationTokenFromOutbox('li@clinic.test');

    await letTimePass(7 * DAY + 1);
    const res = await new Browser().post('/api/invitations/accept', { token, user: account().payload });

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('invitation_invalid');
  });

  it('can be revoked while pending, and a revoked link is invalid', async () => {
    const center = await setUpOrganization();
    const invited = await center.adminBrowser.post('/api/invitations', {
      email: 'li@clinic.test',
      roles: ['finance'],
    });
    const token = await invitationTokenFromOutbox('li@clinic.test');

    const revoked = await center.adminBrowser.delete(`/api/invitations/${invited.body.id}`);
    const lookup = await new Browser().post('/api/invitations/lookup', { token });
    const revokedAgain = await center.adminBrowser.delete(`/api/invitations/${invited.body.id}`);

    expect(revoked.body).toEqual({ ok: true });
    expect(lookup.body.error.code).toBe('invitation_invalid');
    expect(revokedAgain.body.error.code).toBe('invitation_not_pending');
  });

  it('refuses to invite an email that has an account or a pending invitation', async () => {
    const center = await setUpOrganization();
    await center.adminBrowser.post('/api/invitations', { email: 'li@clinic.test', roles: ['counselor'] });
    const before = await snapshotCounts();

    const existing = await center.adminBrowser.post('/api/invitations', {
      email: center.admin.email,
      roles: ['counselor'],
    });
    const pending = await center.adminBrowser.post('/api/invitations', {
      email: 'li@clinic.test',
      roles: ['counselor'],
    });

    expect(existing.body.error.code).toBe('email_taken');
    expect(pending.body.error.code).toBe('already_invited');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('answers an unknown token with the same invalid code', async () => {
    await setUpOrganization();
    const res = await new Browser().post('/api/invitations/lookup', { token: 'A'.repeat(43) });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('invitation_invalid');
  });
});
