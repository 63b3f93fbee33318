import { describe, expect, it } from 'vitest';
import { caseCounselorSupervisor } from '../../worker/counselor-supervisors.js';
import { openCase } from './support/case-files.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { db } from './support/rules.js';
import { addMember, assignSupervisor, type Organization, setUpOrganization } from './support/scenario.js';

async function centerWithTeam() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const supervisor = await addMember(center, ['supervisor']);
  return { center, counselor, supervisor };
}

async function supervisorIdOf(center: Organization, userId: string) {
  const { users } = (await center.adminBrowser.get('/api/users')).body;
  return users.find((user: { id: string }) => user.id === userId).supervisorId;
}

describe('assigning a counselor their supervisor', () => {
  it('assigns, shows it on the users list and audits the change', async () => {
    const { center, counselor, supervisor } = await centerWithTeam();

    const res = await center.adminBrowser.put(`/api/users/${counselor.account.id}/supervisor`, {
      supervisorId: supervisor.account.id,
    });

    expect(res.status).toBe(200);
    expect(res.body.supervisorId).toBe(supervisor.account.id);
    expect(await supervisorIdOf(center, counselor.account.id)).toBe(supervisor.account.id);
    const [event] = (await center.adminBrowser.get('/api/audit')).body.events;
    expect(event).toMatchObject({
      type: 'user.supervisor_assigned',
      actor: center.admin.id,
      subject: counselor.account.id,
      details: { supervisorId: supervisor.account.id, previousSupervisorId: null },
    });
  });

  it('replaces and clears an assignment, keeping the previous one in the audit', async () => {
    const { center, counselor, supervisor } = await centerWithTeam();
    const other = await addMember(center, ['supervisor', 'counselor']);
    await assignSupervisor(center, counselor, supervisor);

    await assignSupervisor(center, counselor, other);
    const cleared = await center.adminBrowser.put(`/api/users/${counselor.account.id}/supervisor`, {
      supervisorId: null,
    });

    expect(cleared.status).toBe(200);
    expect(await supervisorIdOf(center, counselor.account.id)).toBeNull();
    const events = (await center.adminBrowser.get('/api/audit')).body.events;
    expect(events.slice(0, 2).map((event: { details: object }) => event.details)).toEqual([
      { supervisorId: null, previousSupervisorId: other.account.id },
      { supervisorId: other.account.id, previousSupervisorId: supervisor.account.id },
    ]);
  });

  it('turns away a visitor without a session and a non-admin, writing nothing', async () => {
    const { center, counselor, supervisor } = await centerWithTeam();
    const before = await snapshotCounts();
    const body = { supervisorId: supervisor.account.id };

    const anonymous = await new Browser().put(`/api/users/${counselor.account.id}/supervisor`, body);
    const asCounselor = await counselor.browser.put(`/api/users/${counselor.account.id}/supervisor`, body);
    const asSupervisor = await supervisor.browser.put(`/api/users/${counselor.account.id}/supervisor`, body);

    expect(anonymous.status).toBe(401);
    expect(asCounselor.status).toBe(403);
    expect(asSupervisor.status).toBe(403);
    expect(asCounselor.body.error.code).toBe('forbidden');
    expect(await snapshotCounts()).toEqual(before);
    expect(await supervisorIdOf(center, counselor.account.id)).toBeNull();
  });

  it('answers 400 for a malformed id, body or JSON, writing nothing', async () => {
    const { center, counselor } = await centerWithTeam();
    const before = await snapshotCounts();
    const path = `/api/users/${counselor.account.id}/supervisor`;

    const badPath = await center.adminBrowser.put('/api/users/not-an-id/supervisor', { supervisorId: null });
    const badId = await center.adminBrowser.put(path, { supervisorId: 'someone' });
    const missing = await center.adminBrowser.put(path, {});
    const notJson = await center.adminBrowser.request('PUT', path, {
      body: '{"supervisorId":',
      headers: { 'content-type': 'application/json' },
    });

    for (const res of [badPath, badId, missing, notJson]) {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toMatch(/^(invalid_request|malformed_json)$/);
      expect(typeof res.body.error.message).toBe('string');
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it('refuses an unknown user or supervisor, someone who is not a supervisor, and oneself', async () => {
    const { center, counselor, supervisor } = await centerWithTeam();
    const frontDesk = await addMember(center, ['frontdesk']);
    const both = await addMember(center, ['counselor', 'supervisor']);
    const nobody = '00000000-0000-4000-8000-000000000000';
    const before = await snapshotCounts();
    const assign = (userId: string, supervisorId: string) =>
      center.adminBrowser.put(`/api/users/${userId}/supervisor`, { supervisorId });

    const unknownUser = await assign(nobody, supervisor.account.id);
    const unknownSupervisor = await assign(counselor.account.id, nobody);
    const notSupervisor = await assign(counselor.account.id, frontDesk.account.id);
    const notCounselor = await assign(frontDesk.account.id, supervisor.account.id);
    const self = await assign(both.account.id, both.account.id);

    expect([unknownUser.status, unknownUser.body.error.code]).toEqual([404, 'user_not_found']);
    expect([unknownSupervisor.status, unknownSupervisor.body.error.code]).toEqual([
      404,
      'supervisor_not_found',
    ]);
    expect([notSupervisor.status, notSupervisor.body.error.code]).toEqual([409, 'not_a_supervisor']);
    expect([notCounselor.status, notCounselor.body.error.code]).toEqual([409, 'not_a_counselor']);
    expect([self.status, self.body.error.code]).toEqual([409, 'own_supervisor']);
    expect(await snapshotCounts()).toEqual(before);
  });

  it('refuses a disabled supervisor', async () => {
    const { center, counselor, supervisor } = await centerWithTeam();
    await center.adminBrowser.patch(`/api/users/${supervisor.account.id}`, { status: 'disabled' });

    const res = await center.adminBrowser.put(`/api/users/${counselor.account.id}/supervisor`, {
      supervisorId: supervisor.account.id,
    });

    expect([res.status, res.body.error.code]).toEqual([409, 'not_a_supervisor']);
  });
});

describe("the case's counselor's supervisor", () => {
  it('is the supervisor assigned to the primary counselor, and nobody without one', async () => {
    const { center, counselor, supervisor } = await centerWithTeam();
    const file = await openCase(center, counselor);

    expect(await caseCounselorSupervisor(db(), file.caseId)).toBeNull();
    await assignSupervisor(center, counselor, supervisor);
    expect(await caseCounselorSupervisor(db(), file.caseId)).toBe(supervisor.account.id);
  });

  it('is nobody once the supervisor is disabled or loses the supervisor role', async () => {
    const { center, counselor, supervisor } = await centerWithTeam();
    const file = await openCase(center, counselor);
    await assignSupervisor(center, counselor, supervisor);

    await center.adminBrowser.patch(`/api/users/${supervisor.account.id}`, { roles: ['counselor'] });
    expect(await caseCounselorSupervisor(db(), file.caseId)).toBeNull();
    await center.adminBrowser.patch(`/api/users/${supervisor.account.id}`, { roles: ['supervisor'] });
    expect(await caseCounselorSupervisor(db(), file.caseId)).toBe(supervisor.account.id);
    await center.adminBrowser.patch(`/api/users/${supervisor.account.id}`, { status: 'disabled' });
    expect(await caseCounselorSupervisor(db(), file.caseId)).toBeNull();
  });

  it('is nobody for a case that does not exist', async () => {
    await setUpOrganization();
    expect(await caseCounselorSupervisor(db(), crypto.randomUUID())).toBeNull();
  });
});
