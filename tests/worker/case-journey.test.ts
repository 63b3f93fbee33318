import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { intakeForm, sessionNoteForm } from '../../core/forms/templates/index.js';
import { fromBase64Url } from '../../crypto/bytes.js';
import { decryptRecord } from '../../crypto/record.js';
import {
  type CaseContext,
  closeCase,
  createCase,
  createClient,
  decideAccess,
  deliverAccess,
  openCase,
  requestAccess,
  revokeAccess,
  rotateCaseKey,
  writeRecord,
} from '../../web/src/lib/protocol/cases/index.js';
import { codeOf, sessionNote } from './support/case-notes.js';
import { caseContextFor } from './support/protocol-client.js';
import { addMember, setUpOrganization } from './support/scenario.js';

/**
 * Issue 4 end to end at the protocol level: the web app's own ceremonies (web/src/lib/protocol/
 * cases) with real crypto against the real Worker and D1 — a counselor opens a file and writes,
 * a supervisor asks for access, gets it, loses it, and the key rotates.
 */

const DAY = 86_400_000;

describe('a case file from intake to rotation', () => {
  let counselor: CaseContext;
  let supervisor: CaseContext;
  let caseId: string;

  beforeEach(async () => {
    const center = await setUpOrganization();
    const counselorMember = await addMember(center, ['counselor']);
    const supervisorMember = await addMember(center, ['supervisor']);
    counselor = await caseContextFor(counselorMember.browser, counselorMember.account);
    supervisor = await caseContextFor(supervisorMember.browser, supervisorMember.account);
    const client = await createClient(counselor, {
      card: { name: '李雷', phone: '13800000000' },
      channel: 'website',
    });
    caseId = (
      await createCase(counselor, { clientId: client.id, serviceType: 'individual', channel: 'in_person' })
    ).id;
  });

  it('writes an intake and notes, and reads them back decrypted and verified', async () => {
    let opened = await openCase(counselor, caseId);
    await writeRecord(counselor, opened, {
      form: intakeForm,
      values: {
        intake_date: '2026-11-09',
        referral_source: 'website',
        service_type: 'individual',
        chief_complaint: '最近三个月失眠，工作压力大',
        suicidal_ideation: 'none',
        planned_sessions: 8,
      },
    });
    opened = await openCase(counselor, caseId);
    await writeRecord(counselor, opened, { form: sessionNoteForm, values: sessionNote(1, '讨论了睡眠卫生') });
    opened = await openCase(counselor, caseId);
    await writeRecord(counselor, opened, {
      form: sessionNoteForm,
      values: sessionNote(2, '回顾了工作中的冲突'),
    });

    const file = await openCase(counselor, caseId);
    expect(file.log.seq).toBe(3);
    const texts = file.records.map((r) => r.fields.presenting_issues ?? r.fields.chief_complaint).sort();
    expect(texts).toEqual(['回顾了工作中的冲突', '最近三个月失眠，工作压力大', '讨论了睡眠卫生'].sort());
    // The server holds the operational part only: dates, numbers, choices.
    expect(file.view.records.find((r) => r.form === 'intake@1')?.operational).toEqual({
      intake_date: '2026-11-09',
      referral_source: 'website',
      service_type: 'individual',
      planned_sessions: 8,
    });
  });

  it('rebases a write that lost the race to another at the same head', async () => {
    const stale = await openCase(counselor, caseId);
    await writeRecord(counselor, await openCase(counselor, caseId), {
      form: sessionNoteForm,
      values: sessionNote(1, 'first'),
    });
    const result = await writeRecord(counselor, stale, {
      form: sessionNoteForm,
      values: sessionNote(2, 'second, rebased'),
    });
    expect(result.seq).toBe(2);
    expect((await openCase(counselor, caseId)).records).toHaveLength(2);
  });

  it('keeps a correction as a new revision, the old one still in the history', async () => {
    const first = await writeRecord(counselor, await openCase(counselor, caseId), {
      form: sessionNoteForm,
      values: sessionNote(1, 'typo in here'),
    });
    await writeRecord(counselor, await openCase(counselor, caseId), {
      form: sessionNoteForm,
      values: sessionNote(1, 'corrected'),
      recordId: first.recordId,
    });
    const file = await openCase(counselor, caseId, `?history=${first.recordId}`);
    expect(file.records.map((r) => [r.binding.rev, r.fields.presenting_issues])).toEqual([[2, 'corrected']]);
    expect(file.view.history?.map((r) => r.rev).sort()).toEqual([1, 2]);
  });

  it('gives a supervisor access on request, takes it away on revocation, and rotates the key', async () => {
    const opened = await openCase(counselor, caseId);
    await writeRecord(counselor, opened, { form: sessionNoteForm, values: sessionNote(1, '督导前的记录') });

    // Without a grant the case does not exist for them (no IDOR, nothing leaked).
    expect(await codeOf(openCase(supervisor, caseId))).toBe('not_found');
    const asked = await requestAccess(supervisor, {
      caseId,
      reason: 'supervision',
      perm: 'read',
      durationMs: 7 * DAY,
    });
    await decideAccess(counselor, asked.id, 'approve');
    const withDelivery = await openCase(counselor, caseId);
    const pending = withDelivery.view.pendingDeliveries.find((request) => request.id === asked.id);
    expect(pending?.status).toBe('approved');
    const grant = await deliverAccess(counselor, withDelivery, pending as NonNullable<typeof pending>);

    const supervised = await openCase(supervisor, caseId);
    expect(supervised.records.map((r) => r.fields.presenting_issues)).toEqual(['督导前的记录']);
    const oldKey = (supervised.keys.get(0) as Uint8Array).slice();
    closeCase(supervised);
    expect(
      await codeOf(
        writeRecord(supervisor, await openCase(supervisor, caseId), {
          form: sessionNoteForm,
          values: sessionNote(2, 'x'),
        }),
      ),
    ).toBe('write_required');

    await revokeAccess(counselor, caseId, grant.id);
    expect(await codeOf(openCase(supervisor, caseId))).toBe('grant_revoked');

    const beforeRotation = await openCase(counselor, caseId);
    expect(beforeRotation.view.case.needsRotation).toBe(true);
    await rotateCaseKey(counselor, beforeRotation);
    const rotated = await openCase(counselor, caseId);
    expect(rotated.currentEpoch).toBe(1);
    const after = await writeRecord(counselor, rotated, {
      form: sessionNoteForm,
      values: sessionNote(2, '轮换后的记录'),
    });

    const file = await openCase(counselor, caseId);
    expect(file.records.map((r) => r.fields.presenting_issues).sort()).toEqual(
      ['督导前的记录', '轮换后的记录'].sort(),
    );
    // The supervisor's old key opens nothing written after the revocation.
    const newest = file.view.records.find((r) => r.record === after.recordId);
    const binding = file.records.find((r) => r.binding.recordId === after.recordId)?.binding;
    expect(newest?.epoch).toBe(1);
    expect(() =>
      decryptRecord(oldKey, binding as NonNullable<typeof binding>, fromBase64Url(newest?.envelope ?? '')),
    ).toThrow(expect.objectContaining({ code: 'wrong-key' }));
  });

  it('notices when the server swaps two records’ ciphertexts or rolls the log back', async () => {
    await writeRecord(counselor, await openCase(counselor, caseId), {
      form: sessionNoteForm,
      values: sessionNote(1, 'one'),
    });
    await writeRecord(counselor, await openCase(counselor, caseId), {
      form: sessionNoteForm,
      values: sessionNote(2, 'two'),
    });
    await openCase(counselor, caseId);
    const rows = await env.DB.prepare('SELECT record_id, envelope FROM case_records WHERE case_id = ?')
      .bind(caseId)
      .all<{
        record_id: string;
        envelope: string;
      }>();
    const [a, b] = rows.results as [
      { record_id: string; envelope: string },
      { record_id: string; envelope: string },
    ];
    await env.DB.batch([
      env.DB.prepare('UPDATE case_records SET envelope = ? WHERE record_id = ?').bind(
        b.envelope,
        a.record_id,
      ),
      env.DB.prepare('UPDATE case_records SET envelope = ? WHERE record_id = ?').bind(
        a.envelope,
        b.record_id,
      ),
    ]);
    expect(await codeOf(openCase(counselor, caseId))).toBe('altered');

    await env.DB.batch([
      env.DB.prepare('UPDATE case_records SET envelope = ? WHERE record_id = ?').bind(
        a.envelope,
        a.record_id,
      ),
      env.DB.prepare('UPDATE case_records SET envelope = ? WHERE record_id = ?').bind(
        b.envelope,
        b.record_id,
      ),
    ]);
    await env.DB.batch([
      env.DB.prepare('DELETE FROM case_log WHERE case_id = ? AND seq = 2').bind(caseId),
      env.DB.prepare('DELETE FROM case_records WHERE case_id = ? AND seq = 2').bind(caseId),
    ]);
    expect(await codeOf(openCase(counselor, caseId))).toBe('rollback');
  });
});
