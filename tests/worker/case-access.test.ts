import { describe, expect, it } from 'vitest';
import { ORG_RECOVERY } from '../../core/api/key-wraps.js';
import {
  appendNote,
  caseWrap,
  type OpenCase,
  openCase,
  recipientOf,
  rotationRequest,
} from './support/case-files.js';
import { DAY, HOUR, letTimePass } from './support/clock.js';
import { snapshotCounts } from './support/database.js';
import { addMember, login, type Member, type Organization, setUpOrganization } from './support/scenario.js';

async function supervisedCase() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const supervisor = await addMember(center, ['supervisor']);
  const file = await openCase(center, counselor);
  await appendNote(file, counselor);
  return { center, counselor, supervisor, file };
}

async function requestAccess(file: OpenCase, supervisor: Member, durationMs = DAY) {
  const id = crypto.randomUUID();
  const res = await supervisor.browser.post(`/api/cases/${file.caseId}/access-requests`, {
    id,
    reason: 'supervision',
    perm: 'read',
    durationMs,
  });
  return { id, res };
}

/** Request → approve → the counselor's browser delivers a read wrap for one day. */
async function grantSupervisor(center: Organization, file: OpenCase, counselor: Member, supervisor: Member) {
  const request = await requestAccess(file, supervisor);
  await counselor.browser.post(`/api/access-requests/${request.id}/decision`, { decision: 'approve' });
  const expiresAt = Date.now() + DAY;
  const wrap = caseWrap({
    orgId: center.org.id,
    caseId: file.caseId,
    epoch: file.epoch,
    granter: counselor.account,
    to: recipientOf(supervisor.account),
    perm: 'read',
    expiresAt,
    key: file.key,
  });
  const res = await counselor.browser.post(`/api/cases/${file.caseId}/grants`, {
    epoch: file.epoch,
    requestId: request.id,
    wrap,
  });
  return { res, expiresAt, requestId: request.id };
}

describe('temporary access: request, approval, delivery, expiry', () => {
  it('delivers an approved request and lets the supervisor read until expiry', async () => {
    const { center, counselor, supervisor, file } = await supervisedCase();
    expect((await supervisor.browser.get(`/api/cases/${file.caseId}`)).status).toBe(404);

    const delivered = await grantSupervisor(center, file, counselor, supervisor);
    expect(delivered.res.status).toBe(201);
    const read = await supervisor.browser.get(`/api/cases/${file.caseId}`);
    expect(read.status).toBe(200);
    expect(read.body.case).toMatchObject({ myPerm: 'read', myExpiresAt: delivered.expiresAt });
    expect(read.body.records).toHaveLength(1);
    const held = (await supervisor.browser.get('/api/cases')).body.cases;
    expect(held.find((item: { id: string }) => item.id === file.caseId)).toMatchObject({
      myPerm: 'read',
      myExpiresAt: delivered.expiresAt,
      needsRotation: false,
    });
    const mine = (await supervisor.browser.get('/api/access-requests?role=requester')).body.requests;
    expect(mine[0]).toMatchObject({ status: 'delivered', grantId: delivered.res.body.id });

    await letTimePass(DAY + HOUR);
    await login(supervisor.account, supervisor.browser);
    await login(counselor.account, counselor.browser);

    const expired = await supervisor.browser.get(`/api/cases/${file.caseId}`);
    expect(expired.status).toBe(403);
    expect(expired.body.error.code).toBe('grant_expired');
    expect(JSON.stringify(expired.body)).not.toContain('envelope');
    expect((await counselor.browser.get(`/api/cases/${file.caseId}`)).body.case.needsRotation).toBe(true);
    // The case list asks SQL the same question: a current wrap expired unrevoked calls for rotation.
    const listed = (await counselor.browser.get('/api/cases')).body.cases;
    expect(listed.find((item: { id: string }) => item.id === file.caseId)).toMatchObject({
      needsRotation: true,
    });
    const supervisorList = (await supervisor.browser.get('/api/cases')).body.cases;
    expect(supervisorList.map((item: { id: string }) => item.id)).not.toContain(file.caseId);
  });

  it('refuses a read-only holder’s write and a grant nobody approved', async () => {
    const { center, counselor, supervisor, file } = await supervisedCase();
    await grantSupervisor(center, file, counselor, supervisor);
    const colleague = await addMember(center, ['counselor']);

    expect((await appendNote(file, supervisor)).res.body.error.code).toBe('write_required');
    const unapproved = await counselor.browser.post(`/api/cases/${file.caseId}/grants`, {
      epoch: file.epoch,
      wrap: caseWrap({
        orgId: center.org.id,
        caseId: file.caseId,
        epoch: file.epoch,
        granter: counselor.account,
        to: recipientOf(colleague.account),
        perm: 'write',
        expiresAt: 0,
        key: file.key,
      }),
    });
    expect(unapproved.status).toBe(403);
    expect(unapproved.body.error.code).toBe('grant_not_approved');
  });

  it('refuses a delivery that extends the approved duration or upgrades the permission', async () => {
    const { center, counselor, supervisor, file } = await supervisedCase();
    const request = await requestAccess(file, supervisor);
    await counselor.browser.post(`/api/access-requests/${request.id}/decision`, { decision: 'approve' });
    const before = await snapshotCounts();
    for (const [perm, expiresAt] of [
      ['read', Date.now() + 30 * DAY],
      ['write', Date.now() + DAY],
    ] as const) {
      const wrap = caseWrap({
        orgId: center.org.id,
        caseId: file.caseId,
        epoch: 0,
        granter: counselor.account,
        to: recipientOf(supervisor.account),
        perm,
        expiresAt,
        key: file.key,
      });
      const res = await counselor.browser.post(`/api/cases/${file.caseId}/grants`, {
        epoch: 0,
        requestId: request.id,
        wrap,
      });
      expect(res.body.error.code).toBe('grant_not_approved');
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it('lets only the primary counselor or a director decide, never the requester', async () => {
    const { center, counselor, supervisor, file } = await supervisedCase();
    const other = await addMember(center, ['counselor']);
    const director = await addMember(center, ['director', 'supervisor']);
    const request = await requestAccess(file, supervisor);

    expect(
      (await other.browser.post(`/api/access-requests/${request.id}/decision`, { decision: 'approve' }))
        .status,
    ).toBe(404);
    expect(
      (await supervisor.browser.post(`/api/access-requests/${request.id}/decision`, { decision: 'approve' }))
        .body.error.code,
    ).toBe('self_approval');
    expect((await other.browser.get('/api/access-requests?role=approver')).body.requests).toEqual([]);
    expect((await counselor.browser.get('/api/access-requests?role=approver')).body.requests).toHaveLength(1);
    expect((await director.browser.get('/api/access-requests?role=approver')).body.requests).toHaveLength(1);

    const denied = await director.browser.post(`/api/access-requests/${request.id}/decision`, {
      decision: 'deny',
    });
    expect(denied.body.status).toBe('denied');
    expect(
      (await counselor.browser.post(`/api/access-requests/${request.id}/decision`, { decision: 'approve' }))
        .body.error.code,
    ).toBe('request_not_pending');
    const own = await requestAccess(file, director);
    expect(
      (await director.browser.post(`/api/access-requests/${own.id}/decision`, { decision: 'approve' })).body
        .error.code,
    ).toBe('self_approval');
  });

  it('refuses a request from a holder, a second open request, and a front-desk user', async () => {
    const { center, counselor, supervisor, file } = await supervisedCase();
    const frontdesk = await addMember(center, ['frontdesk']);
    expect((await requestAccess(file, counselor)).res.body.error.code).toBe('already_holder');
    expect((await requestAccess(file, supervisor)).res.status).toBe(201);
    expect((await requestAccess(file, supervisor)).res.body.error.code).toBe('already_requested');
    expect((await requestAccess(file, frontdesk)).res.status).toBe(403);
  });
});

describe('revocation and rotation (PROTOCOL §5)', () => {
  it('revokes, refuses the revoked holder, and rotates to the remaining holders', async () => {
    const { center, counselor, supervisor, file } = await supervisedCase();
    const { res } = await grantSupervisor(center, file, counselor, supervisor);

    const revoked = await counselor.browser.delete(`/api/cases/${file.caseId}/grants/${res.body.id}`);
    expect(revoked.status).toBe(200);
    const refused = await supervisor.browser.get(`/api/cases/${file.caseId}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('grant_revoked');
    expect((await counselor.browser.get(`/api/cases/${file.caseId}`)).body.case.needsRotation).toBe(true);

    const rotation = await rotationRequest(center, file, counselor.account, [
      { to: recipientOf(counselor.account), perm: 'write', expiresAt: 0 },
    ]);
    const rotated = await counselor.browser.post(`/api/cases/${file.caseId}/rotate`, rotation.body);
    expect(rotated.status).toBe(201);
    file.epoch = rotation.rotated.epoch;
    file.key = rotation.rotated.key;
    file.keys.set(file.epoch, file.key);

    const after = (await counselor.browser.get(`/api/cases/${file.caseId}`)).body;
    expect(after.case).toMatchObject({ currentEpoch: 1, needsRotation: false });
    expect(after.keyChain).toEqual([{ epoch: 0, envelope: rotation.body.previousKeyEnvelope }]);
    expect((await appendNote(file, counselor)).res.status).toBe(201);
    expect((await supervisor.browser.get(`/api/cases/${file.caseId}`)).body.error.code).toBe('grant_revoked');
  });

  it('refuses a rotation that leaves out a live holder or the recovery key, or adds someone', async () => {
    const { center, counselor, supervisor, file } = await supervisedCase();
    await grantSupervisor(center, file, counselor, supervisor);
    const outsider = await addMember(center, ['counselor']);
    const me = { to: recipientOf(counselor.account), perm: 'write' as const, expiresAt: 0 };
    const before = await snapshotCounts();

    const missing = await rotationRequest(center, file, counselor.account, [me]);
    expect(
      (await counselor.browser.post(`/api/cases/${file.caseId}/rotate`, missing.body)).body.error.code,
    ).toBe('holders_mismatch');
    const noRecovery = await rotationRequest(center, file, counselor.account, [me]);
    noRecovery.body.wraps = noRecovery.body.wraps.filter((wrap) => wrap.to !== ORG_RECOVERY);
    noRecovery.body.wraps.push(noRecovery.body.wraps[0] as never);
    expect((await counselor.browser.post(`/api/cases/${file.caseId}/rotate`, noRecovery.body)).status).toBe(
      400,
    );
    const extra = await rotationRequest(center, file, counselor.account, [
      me,
      { to: recipientOf(outsider.account), perm: 'write', expiresAt: 0 },
    ]);
    expect(
      (await counselor.browser.post(`/api/cases/${file.caseId}/rotate`, extra.body)).body.error.code,
    ).toBe('holders_mismatch');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('lets exactly one of two simultaneous rotations win', async () => {
    const { center, counselor, file } = await supervisedCase();
    const me = { to: recipientOf(counselor.account), perm: 'write' as const, expiresAt: 0 };
    const [a, b] = [
      await rotationRequest(center, file, counselor.account, [me]),
      await rotationRequest(center, file, counselor.account, [me]),
    ];
    const results = await Promise.all([
      counselor.browser.post(`/api/cases/${file.caseId}/rotate`, a?.body),
      counselor.browser.post(`/api/cases/${file.caseId}/rotate`, b?.body),
    ]);
    expect(results.map((res) => res.status).sort()).toEqual([201, 409]);
  });

  it('refuses new grants until the key is rotated, and protects the primary and recovery wraps', async () => {
    const { center, counselor, supervisor, file } = await supervisedCase();
    const { res } = await grantSupervisor(center, file, counselor, supervisor);
    const grants = (await counselor.browser.get(`/api/cases/${file.caseId}`)).body.grants as {
      id: string;
      to: string;
    }[];
    for (const protectedGrant of grants.filter((grant) => grant.to !== supervisor.account.id)) {
      const refused = await counselor.browser.delete(`/api/cases/${file.caseId}/grants/${protectedGrant.id}`);
      expect(refused.body.error.code).toBe('cannot_revoke');
    }
    await counselor.browser.delete(`/api/cases/${file.caseId}/grants/${res.body.id}`);
    const again = await grantSupervisor(center, file, counselor, supervisor);
    expect(again.res.body.error.code).toBe('rotation_required');
  });

  it('hides grants from outsiders: revoking another case’s grant by id is 404', async () => {
    const { center, counselor, supervisor, file } = await supervisedCase();
    const { res } = await grantSupervisor(center, file, counselor, supervisor);
    const other = await addMember(center, ['counselor']);
    const theirs = await openCase(center, other);
    const before = await snapshotCounts();

    expect((await other.browser.delete(`/api/cases/${file.caseId}/grants/${res.body.id}`)).status).toBe(404);
    expect((await other.browser.delete(`/api/cases/${theirs.caseId}/grants/${res.body.id}`)).status).toBe(
      404,
    );
    expect((await supervisor.browser.delete(`/api/cases/${file.caseId}/grants/${res.body.id}`)).status).toBe(
      403,
    );
    expect(await snapshotCounts()).toEqual(before);
  });

  it('gives a transferred case to its new counselor through a wrap from a holder', async () => {
    const { center, counselor, file } = await supervisedCase();
    const next = await addMember(center, ['counselor']);
    await counselor.browser.post(`/api/cases/${file.caseId}/transfer`, {
      primaryCounselorId: next.account.id,
    });

    const res = await counselor.browser.post(`/api/cases/${file.caseId}/grants`, {
      epoch: file.epoch,
      wrap: caseWrap({
        orgId: center.org.id,
        caseId: file.caseId,
        epoch: file.epoch,
        granter: counselor.account,
        to: recipientOf(next.account),
        perm: 'write',
        expiresAt: 0,
        key: file.key,
      }),
    });

    expect(res.status).toBe(201);
    expect((await next.browser.get(`/api/cases/${file.caseId}`)).body.case.myPerm).toBe('write');
  });
});
