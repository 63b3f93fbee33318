import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { sessionNoteForm } from '../../core/forms/templates/index.js';
import { toBase64Url } from '../../crypto/bytes.js';
import { generateUserKeys } from '../../crypto/user-keys.js';
import {
  type CaseContext,
  createCase,
  createClient,
  decideAccess,
  deliverAccess,
  openCase,
  requestAccess,
  writeRecord,
} from '../../web/src/lib/protocol/cases/index.js';
import { codeOf, sessionNote } from './support/case-notes.js';
import { caseContextFor } from './support/protocol-client.js';
import { addMember, setUpOrganization } from './support/scenario.js';

/**
 * Issue 4's security suite, the malicious server: D1 rows edited behind the Worker's back, as a
 * compromised host would. The browser's own case code must name each tampering.
 */

const run = (sql: string, ...values: unknown[]) =>
  env.DB.prepare(sql)
    .bind(...values)
    .run();

describe('a server that edits its own database is caught by the browser', () => {
  let counselor: CaseContext;
  let supervisor: CaseContext;
  let caseId: string;
  let corrected: string;

  beforeEach(async () => {
    const center = await setUpOrganization();
    const counselorMember = await addMember(center, ['counselor']);
    const supervisorMember = await addMember(center, ['supervisor']);
    counselor = await caseContextFor(counselorMember.browser, counselorMember.account);
    supervisor = await caseContextFor(supervisorMember.browser, supervisorMember.account);
    const client = await createClient(counselor, { card: { name: '韩梅梅' } });
    caseId = (
      await createCase(counselor, { clientId: client.id, serviceType: 'individual', channel: 'video' })
    ).id;
    await writeRecord(counselor, await openCase(counselor, caseId), {
      form: sessionNoteForm,
      values: sessionNote(1, 'one'),
    });
    const first = await writeRecord(counselor, await openCase(counselor, caseId), {
      form: sessionNoteForm,
      values: sessionNote(2, 'two, first draft'),
    });
    corrected = first.recordId;
    await writeRecord(counselor, await openCase(counselor, caseId), {
      form: sessionNoteForm,
      values: sessionNote(2, 'two, corrected'),
      recordId: corrected,
    });
    await openCase(counselor, caseId); // this browser has verified seq 3
  });

  it('drops a record but keeps its log entry: dropped', async () => {
    await run('DELETE FROM case_records WHERE case_id = ? AND record_id <> ?', caseId, corrected);
    expect(await codeOf(openCase(counselor, caseId))).toBe('dropped');
  });

  it('replays an old revision as the current one: stale-revision', async () => {
    await run('DELETE FROM case_records WHERE case_id = ? AND record_id = ? AND rev = 2', caseId, corrected);
    expect(await codeOf(openCase(counselor, caseId))).toBe('stale-revision');
  });

  it('edits a record’s operational metadata: altered', async () => {
    await run(
      `UPDATE case_records SET operational = json_set(operational, '$.duration_minutes', 90) WHERE case_id = ? AND record_id = ?`,
      caseId,
      corrected,
    );
    expect(await codeOf(openCase(counselor, caseId))).toBe('altered');
  });

  it('swaps a note’s ciphertext for another remembered one after a visit: altered', async () => {
    // The visit in beforeEach decrypted both notes; this browser remembers them for the session,
    // yet each envelope is still checked against its signed entry on the next visit.
    await run(
      `UPDATE case_records SET envelope = (SELECT envelope FROM case_records WHERE case_id = ?1 AND record_id <> ?2)
       WHERE case_id = ?1 AND record_id = ?2 AND rev = 2`,
      caseId,
      corrected,
    );
    expect(await codeOf(openCase(counselor, caseId))).toBe('altered');
  });

  it('serves a record the log never had: injected', async () => {
    await run(
      `INSERT INTO case_records (case_id, record_id, rev, form, author_id, epoch, envelope, operational, seq, created_at)
       SELECT case_id, ?, 1, form, author_id, epoch, envelope, operational, 99, created_at FROM case_records
       WHERE case_id = ? AND record_id = ? AND rev = 2`,
      crypto.randomUUID(),
      caseId,
      corrected,
    );
    expect(await codeOf(openCase(counselor, caseId))).toBe('injected');
  });

  it('rolls the whole log back to an earlier state: rollback', async () => {
    await run('DELETE FROM case_records WHERE case_id = ? AND seq = 3', caseId);
    await run('DELETE FROM case_log WHERE case_id = ? AND seq = 3', caseId);
    expect(await codeOf(openCase(counselor, caseId))).toBe('rollback');
  });

  it('substitutes a user’s public signing key: uncertified', async () => {
    const attacker = generateUserKeys();
    await run(
      'UPDATE users SET ed25519_pk = ? WHERE id = ?',
      toBase64Url(attacker.ed25519Pk),
      counselor.me.id,
    );
    expect(await codeOf(openCase(counselor, caseId))).toBe('uncertified');
  });

  it('extends a supervisor’s access in the database: the wrap no longer opens', async () => {
    const asked = await requestAccess(supervisor, {
      caseId,
      reason: 'supervision',
      perm: 'read',
      durationMs: 86_400_000,
    });
    await decideAccess(counselor, asked.id, 'approve');
    const opened = await openCase(counselor, caseId);
    await deliverAccess(
      counselor,
      opened,
      opened.view.pendingDeliveries[0] as NonNullable<(typeof opened.view.pendingDeliveries)[0]>,
    );
    expect((await openCase(supervisor, caseId)).records).toHaveLength(2);

    await run(
      'UPDATE case_key_wraps SET expires_at = expires_at + ? WHERE case_id = ? AND to_user_id = ?',
      30 * 86_400_000,
      caseId,
      supervisor.me.id,
    );
    expect(await codeOf(openCase(supervisor, caseId))).toBe('bad-signature');
  });
});
