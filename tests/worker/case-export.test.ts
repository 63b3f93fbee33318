import { describe, expect, it } from 'vitest';
import { sessionNoteForm } from '../../core/forms/templates/index.js';
import {
  createCase,
  createClient,
  exportCaseJson,
  openCase,
  writeRecord,
} from '../../web/src/lib/protocol/cases/index.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { caseContextFor } from './support/protocol-client.js';
import { addMember, setUpOrganization } from './support/scenario.js';

/** Exporting a case: decrypted in the key holder's browser, recorded in the audit chain. */
describe('case export', () => {
  it('puts the contact card and every record into one document, and audits it', async () => {
    const center = await setUpOrganization();
    const member = await addMember(center, ['counselor']);
    const other = await addMember(center, ['counselor']);
    const counselor = await caseContextFor(member.browser, member.account);
    const client = await createClient(counselor, { card: { name: '导出测试', phone: '13900000000' } });
    const caseId = (
      await createCase(counselor, { clientId: client.id, serviceType: 'couple', channel: 'video' })
    ).id;
    await writeRecord(counselor, await openCase(counselor, caseId), {
      form: sessionNoteForm,
      values: {
        session_date: '2026-11-20',
        session_number: 1,
        duration_minutes: 50,
        modality: 'video',
        presenting_issues: '沟通方式',
        risk_level: 'none',
      },
    });

    const exported = await exportCaseJson(counselor, await openCase(counselor, caseId));
    expect(exported.contact).toEqual({ name: '导出测试', phone: '13900000000' });
    expect(exported.records).toHaveLength(1);
    expect(exported.records[0]?.fields).toMatchObject({
      presenting_issues: '沟通方式',
      duration_minutes: 50,
    });
    expect(Date.parse(exported.records[0]?.writtenAt ?? '')).toBeGreaterThan(0);
    expect(exported.verification.entries).toBe(1);
    const audit = await center.adminBrowser.get('/api/audit?limit=20');
    expect(audit.body.events.map((event: { type: string }) => event.type)).toContain('case.exported');

    const before = await snapshotCounts();
    expect((await new Browser().post(`/api/cases/${caseId}/exports`, { format: 'json' })).status).toBe(401);
    expect((await other.browser.post(`/api/cases/${caseId}/exports`, { format: 'json' })).status).toBe(404);
    expect((await member.browser.post(`/api/cases/${caseId}/exports`, { format: 'docx' })).status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);
  });
});
