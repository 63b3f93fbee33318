import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { addMember, setUpOrganization } from './support/scenario.js';

const PROFILE = { languages: ['zh', 'en'], specialties: ['anxiety', 'sleep'], gender: 'female' };

async function centerWithCounselors() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const colleague = await addMember(center, ['counselor']);
  const desk = await addMember(center, ['frontdesk']);
  return { center, counselor, colleague, desk };
}

describe('counselor profiles', () => {
  it('lets an admin keep a counselor’s profile and the counselor their own, recording each change', async () => {
    const { center, counselor, desk } = await centerWithCounselors();
    const path = `/api/counselor-profiles/${counselor.account.id}`;
    expect((await counselor.browser.get(path)).body).toEqual({
      userId: counselor.account.id,
      languages: [],
      specialties: [],
      gender: null,
      updatedAt: null,
    });
    const byAdmin = await center.adminBrowser.put(path, PROFILE);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ userId: counselor.account.id, ...PROFILE });
    const own = await counselor.browser.put(path, { languages: ['yue'], specialties: [], gender: null });
    expect(own.status).toBe(200);
    expect((await desk.browser.get(path)).body).toMatchObject({
      languages: ['yue'],
      specialties: [],
      gender: null,
    });
    const listed = await desk.browser.get('/api/counselor-profiles');
    expect(listed.status).toBe(200);
    expect(listed.body.profiles).toHaveLength(2);
    expect(listed.body.profiles).toContainEqual(
      expect.objectContaining({ userId: counselor.account.id, languages: ['yue'] }),
    );
    const audit = await env.DB.prepare(
      "SELECT actor_user_id AS actor, subject FROM audit_events WHERE type = 'user.profile_updated' ORDER BY seq",
    ).all();
    expect(audit.results).toEqual([
      { actor: center.admin.id, subject: counselor.account.id },
      { actor: counselor.account.id, subject: counselor.account.id },
    ]);
  });

  it('refuses the unauthenticated, a colleague, a non-admin, a non-counselor and malformed profiles, writing nothing', async () => {
    const { center, counselor, colleague, desk } = await centerWithCounselors();
    const path = `/api/counselor-profiles/${counselor.account.id}`;
    const before = await snapshotCounts();
    expect((await new Browser().get(path)).status).toBe(401);
    expect((await new Browser().put(path, PROFILE)).status).toBe(401);
    expect((await new Browser().get('/api/counselor-profiles')).status).toBe(401);
    expect((await colleague.browser.get('/api/counselor-profiles')).status).toBe(403);
    expect((await colleague.browser.get(path)).status).toBe(403);
    const theirs = await colleague.browser.put(path, PROFILE);
    expect(theirs.status).toBe(403);
    expect(theirs.body.error.code).toBe('forbidden');
    expect((await desk.browser.put(path, PROFILE)).status).toBe(403);
    // The front desk is no counselor: it has no profile to keep.
    const deskProfile = await center.adminBrowser.put(`/api/counselor-profiles/${desk.account.id}`, PROFILE);
    expect(deskProfile.status).toBe(404);
    expect(
      (await center.adminBrowser.put(`/api/counselor-profiles/${crypto.randomUUID()}`, PROFILE)).status,
    ).toBe(404);
    for (const body of [
      { ...PROFILE, languages: ['klingon'] },
      { ...PROFILE, specialties: ['anxiety', 'anxiety'] },
      { ...PROFILE, specialties: ['whatever I write'] },
      { ...PROFILE, gender: 'other' },
      { languages: ['zh'] },
      'not json',
    ]) {
      const res = await center.adminBrowser.put(path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    const malformed = await center.adminBrowser.put('/api/counselor-profiles/not-an-id', PROFILE);
    expect(malformed.status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);
  });
});
