import { describe, expect, it } from 'vitest';
import { sessionNoteForm } from '../../core/forms/templates/index.js';
import {
  createCase,
  createClient,
  deliverAccess,
  openCase,
  rotateCaseKey,
  TransferRefused,
  transferCase,
  writeRecord,
} from '../../web/src/lib/protocol/cases/index.js';
import { caseContextFor } from './support/protocol-client.js';
import { addMember, setUpOrganization } from './support/scenario.js';

/**
 * Transfer from the browser's side (issue 4): the server renames the primary counselor, the old
 * counselor's browser wraps the current case key to the new one, who can then open the file.
 */
describe('case transfer ceremony', () => {
  async function caseWithNote() {
    const center = await setUpOrganization();
    const from = await addMember(center, ['counselor']);
    const to = await addMember(center, ['counselor']);
    const supervisor = await addMember(center, ['supervisor']);
    const counselor = await caseContextFor(from.browser, from.account);
    const client = await createClient(counselor, { card: { name: '转介测试' } });
    const caseId = (
      await createCase(counselor, { clientId: client.id, serviceType: 'individual', channel: 'video' })
    ).id;
    await writeRecord(counselor, await openCase(counselor, caseId), {
      form: sessionNoteForm,
      values: {
        session_date: '2026-11-21',
        session_number: 1,
        duration_minutes: 50,
        modality: 'video',
        presenting_issues: '转介前的记录',
        risk_level: 'none',
      },
    });
    return { center, from, to, supervisor, counselor, caseId };
  }

  it('makes the colleague primary counselor with a write key of the current epoch, audited', async () => {
    const { center, to, counselor, caseId } = await caseWithNote();
    const x25519Pk = to.account.keys.x25519Pk;
    const summary = await transferCase(counselor, await openCase(counselor, caseId), {
      id: to.account.id,
      x25519Pk,
    });
    expect(summary.primaryCounselorId).toBe(to.account.id);

    const colleague = await caseContextFor(to.browser, to.account);
    const opened = await openCase(colleague, caseId);
    expect(opened.view.case.myPerm).toBe('write');
    expect(opened.view.case.myExpiresAt).toBe(0);
    expect(opened.records[0]?.fields).toMatchObject({ presenting_issues: '转介前的记录' });

    const audit = await center.adminBrowser.get('/api/audit?limit=10');
    const types = audit.body.events.map((event: { type: string }) => event.type);
    expect(types).toEqual(expect.arrayContaining(['case.transferred', 'case.grant_delivered']));
  });

  it('after a rotation, wraps the newest epoch, and the colleague reads the older notes through the chain', async () => {
    const { to, counselor, caseId } = await caseWithNote();
    await rotateCaseKey(counselor, await openCase(counselor, caseId));
    await transferCase(counselor, await openCase(counselor, caseId), {
      id: to.account.id,
      x25519Pk: to.account.keys.x25519Pk,
    });
    const opened = await openCase(await caseContextFor(to.browser, to.account), caseId);
    expect(opened.currentEpoch).toBe(1);
    expect(opened.records).toHaveLength(1);
  });

  it('refuses, before writing anything, a colleague who holds only temporary access', async () => {
    const { from, supervisor, counselor, caseId } = await caseWithNote();
    // the supervisor is no counselor, so the server would refuse the transfer anyway; what matters
    // here is that the browser stops first, on the temporary wrap it sees in the file
    const asked = await supervisor.browser.post(`/api/cases/${caseId}/access-requests`, {
      id: crypto.randomUUID(),
      reason: 'supervision',
      perm: 'read',
      durationMs: 86_400_000,
    });
    expect(asked.status).toBe(201);
    expect(
      (await from.browser.post(`/api/access-requests/${asked.body.id}/decision`, { decision: 'approve' }))
        .status,
    ).toBe(200);
    const opened = await openCase(counselor, caseId);
    await deliverAccess(counselor, opened, { ...asked.body, status: 'approved' });
    const recipient = { id: supervisor.account.id, x25519Pk: supervisor.account.keys.x25519Pk };
    await expect(
      transferCase(counselor, await openCase(counselor, caseId), recipient),
    ).rejects.toBeInstanceOf(TransferRefused);
    const file = await from.browser.get(`/api/cases/${caseId}`);
    expect(file.body.case.primaryCounselorId).toBe(from.account.id);
  });
});
