import { describe, expect, it } from 'vitest';
import { sessionNoteForm } from '../../core/forms/templates/index.js';
import { toBase64Url } from '../../crypto/bytes.js';
import { createRecoveryKeySplit, formatRecoveryShare } from '../../crypto/recovery-shares.js';
import {
  createCase,
  createClient,
  openCase,
  recoverCounselorCases,
  writeRecord,
} from '../../web/src/lib/protocol/cases/index.js';
import { sessionNote } from './support/case-notes.js';
import { Browser } from './support/client.js';
import { account, orgKeys, setupRequest } from './support/factories.js';
import { caseContextFor } from './support/protocol-client.js';
import { addMember, type Organization } from './support/scenario.js';

/**
 * Issue 4's recovery ceremony: a counselor leaves; two of three directors' shares, typed into one
 * browser, reopen her cases from their wraps to the org recovery key and hand them to a colleague.
 */

async function centerWithRecoverySplit() {
  const split = createRecoveryKeySplit(2, 3);
  const org = orgKeys();
  const admin = account({ email: 'admin@recovery.test' });
  const adminBrowser = new Browser();
  const request = setupRequest(org, admin);
  request.org.recoveryPk = toBase64Url(split.publicKey);
  const res = await adminBrowser.post('/api/setup', request);
  if (res.status !== 201) throw new Error(`setup failed: ${JSON.stringify(res.body)}`);
  const center: Organization = { org, admin, adminBrowser };
  return { center, shares: split.shares.map(formatRecoveryShare) };
}

describe('the recovery ceremony', () => {
  it('hands a departed counselor’s cases to a colleague with any two of three shares', async () => {
    const { center, shares } = await centerWithRecoverySplit();
    const leaving = await addMember(center, ['counselor']);
    const colleague = await addMember(center, ['counselor']);
    const director = await addMember(center, ['director']);
    const leavingContext = await caseContextFor(leaving.browser, leaving.account);
    const client = await createClient(leavingContext, { card: { name: '离职前的来访者' } });
    const caseId = (
      await createCase(leavingContext, { clientId: client.id, serviceType: 'individual', channel: 'phone' })
    ).id;
    await writeRecord(leavingContext, await openCase(leavingContext, caseId), {
      form: sessionNoteForm,
      values: sessionNote(1, '交接前的记录'),
    });

    const directorContext = await caseContextFor(director.browser, director.account);
    const progress: [number, number][] = [];
    const result = await recoverCounselorCases(
      directorContext,
      {
        shares: [shares[2] as string, shares[0] as string],
        departedCounselorId: leaving.account.id,
        newCounselorId: colleague.account.id,
      },
      (done, total) => progress.push([done, total]),
    );
    expect(result).toEqual({ reassigned: 1 });
    // The page shows "n of m" from these: nothing done yet, then each case as it is handed over.
    expect(progress).toEqual([
      [0, 1],
      [1, 1],
    ]);

    const colleagueContext = await caseContextFor(colleague.browser, colleague.account);
    const file = await openCase(colleagueContext, caseId);
    expect(file.view.case.primaryCounselorId).toBe(colleague.account.id);
    expect(file.records.map((r) => r.fields.presenting_issues)).toEqual(['交接前的记录']);
    expect(file.view.case.needsRotation).toBe(true);
    const leftBehind = await leaving.browser.get(`/api/cases/${caseId}`);
    expect(leftBehind.status).toBe(403);

    const audit = await center.adminBrowser.get('/api/audit?limit=50');
    const types = audit.body.events.map((event: { type: string }) => event.type);
    expect(types).toContain('recovery.wraps_read');
    expect(types).toContain('recovery.case_reassigned');
  });

  it('refuses one share, and refuses the ceremony to anyone but a director', async () => {
    const { center, shares } = await centerWithRecoverySplit();
    const leaving = await addMember(center, ['counselor']);
    const colleague = await addMember(center, ['counselor']);
    const director = await addMember(center, ['director']);
    const directorContext = await caseContextFor(director.browser, director.account);
    await expect(
      recoverCounselorCases(directorContext, {
        shares: [shares[0] as string],
        departedCounselorId: leaving.account.id,
        newCounselorId: colleague.account.id,
      }),
    ).rejects.toMatchObject({ code: 'insufficient-shares' });

    expect(
      (await colleague.browser.get(`/api/recovery/cases?primaryCounselor=${leaving.account.id}`)).status,
    ).toBe(403);
    expect(
      (await new Browser().get(`/api/recovery/cases?primaryCounselor=${leaving.account.id}`)).status,
    ).toBe(401);
    expect((await director.browser.get('/api/recovery/cases?primaryCounselor=not-a-uuid')).status).toBe(400);
    const reassign = await director.browser.post(`/api/recovery/cases/${crypto.randomUUID()}/reassign`, {
      epoch: 'x',
    });
    expect(reassign.status).toBe(400);
  });
});
