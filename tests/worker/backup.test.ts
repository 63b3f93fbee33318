import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { sessionViewSchema } from '../../core/api/index.js';
import { sessionNoteForm } from '../../core/forms/templates/index.js';
import { fromBase64Url, randomBytes } from '../../crypto/bytes.js';
import { verifyServerAuditChain } from '../../web/src/lib/protocol/audit.js';
import {
  createCase,
  createClient,
  downloadAttachment,
  openCase,
  openContactCard,
  uploadAttachment,
  writeRecord,
} from '../../web/src/lib/protocol/cases/index.js';
import { Browser } from './support/client.js';
import { countRows, emptyDatabase } from './support/database.js';
import { apiClientFor, caseContextFor } from './support/protocol-client.js';
import { addMember, login, type Organization, setUpOrganization } from './support/scenario.js';

/** Moving a center (issue 11): an encrypted full export, imported into a fresh deployment. */

async function emptyBucket() {
  const listed = await env.ATTACHMENTS.list();
  if (listed.objects.length > 0) await env.ATTACHMENTS.delete(listed.objects.map((object) => object.key));
}

describe('backup', () => {
  beforeEach(emptyBucket);

  it('round-trips a center: a key holder opens and verifies the case in the new deployment', async () => {
    const center = await setUpOrganization();
    const member = await addMember(center, ['counselor']);
    const counselor = await caseContextFor(member.browser, member.account);
    const client = await createClient(counselor, { card: { name: '迁移测试', phone: '13700000000' } });
    const caseId = (
      await createCase(counselor, { clientId: client.id, serviceType: 'individual', channel: 'in_person' })
    ).id;
    await writeRecord(counselor, await openCase(counselor, caseId), {
      form: sessionNoteForm,
      values: {
        session_date: '2026-11-20',
        session_number: 1,
        duration_minutes: 50,
        modality: 'in_person',
        presenting_issues: '搬家后的适应',
        risk_level: 'none',
      },
    });
    const scan = randomBytes(100_000);
    const attachment = await uploadAttachment(counselor, await openCase(counselor, caseId), scan);

    const exported = await center.adminBrowser.get('/api/backup');

    expect(exported.status).toBe(200);
    const text = JSON.stringify(exported.body);
    expect(text).not.toContain('搬家后的适应');
    expect(text).not.toContain('13700000000');
    expect(exported.body.tables.sessions).toBeUndefined();
    expect(exported.body.objects).toHaveLength(2);

    // A fresh deployment: the same migrations, nothing else.
    await emptyDatabase();
    await emptyBucket();
    const imported = await new Browser().post('/api/backup/import', exported.body);

    expect(imported.status).toBe(201);
    expect(imported.body.objects).toBe(2);
    expect(await countRows('sessions')).toBe(0);
    const again = await new Browser().post('/api/backup/import', exported.body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_initialized');

    const browser = new Browser();
    expect((await login(member.account, browser)).status).toBe(200);
    const moved = await caseContextFor(browser, member.account);
    const opened = await openCase(moved, caseId);
    expect(opened.records[0]?.fields).toMatchObject({ presenting_issues: '搬家后的适应' });
    expect(opened.log.seq).toBe(1);
    expect(await downloadAttachment(moved, opened, attachment.id)).toEqual(scan);
    expect(await openContactCard(moved, client.id)).toEqual({ name: '迁移测试', phone: '13700000000' });

    const adminBrowser = new Browser();
    await login(center.admin, adminBrowser);
    const api = apiClientFor(adminBrowser);
    const view = await api.get('/api/auth/session', sessionViewSchema);
    const verdict = await verifyServerAuditChain(api, view.org.id, fromBase64Url(view.org.rootPk));
    expect(verdict.intact).toBe(true);
    const last = await adminBrowser.get('/api/audit?type=backup.imported');
    expect(last.body.events).toHaveLength(1);
  }, 30_000);

  it('refuses a backup whose audit chain or schema does not fit, writing nothing', async () => {
    const center: Organization = await setUpOrganization();
    const backup = (await center.adminBrowser.get('/api/backup')).body;
    await emptyDatabase();

    const edited = structuredClone(backup);
    edited.tables.audit_events.rows[0][edited.tables.audit_events.columns.indexOf('type')] = 'auth.login';
    const tampered = await new Browser().post('/api/backup/import', edited);
    const renamed = structuredClone(backup);
    renamed.tables.org.columns[0] = 'identifier';
    const wrongSchema = await new Browser().post('/api/backup/import', renamed);
    const unknownTable = await new Browser().post('/api/backup/import', {
      ...backup,
      tables: { ...backup.tables, secrets: { columns: ['x'], rows: [] } },
    });
    const otherMigrations = await new Browser().post('/api/backup/import', {
      ...backup,
      migrations: ['0001_x.sql'],
    });
    const malformed = await new Browser().post('/api/backup/import', { format: 'tacit-backup', version: 2 });
    const noCsrf = await new Browser().post('/api/backup/import', backup, { csrf: false });

    expect(tampered.status).toBe(409);
    expect(tampered.body.error).toMatchObject({ code: 'backup_mismatch' });
    expect(tampered.body.error.message).toContain('event 1');
    expect([wrongSchema.status, unknownTable.status, otherMigrations.status]).toEqual([409, 409, 409]);
    expect(malformed.status).toBe(400);
    expect(noCsrf.status).toBe(403);
    expect(await countRows('org')).toBe(0);
    expect(await countRows('users')).toBe(0);
    expect(await countRows('audit_events')).toBe(0);
  });

  it('is exported by admins only, and the export is audited', async () => {
    const center = await setUpOrganization();
    const director = await addMember(center, ['director']);

    expect((await new Browser().get('/api/backup')).status).toBe(401);
    expect((await director.browser.get('/api/backup')).status).toBe(403);
    const backup = (await center.adminBrowser.get('/api/backup')).body;
    const types = backup.tables.audit_events.rows.map(
      (row: unknown[]) => row[backup.tables.audit_events.columns.indexOf('type')],
    );
    expect(types.at(-1)).toBe('backup.exported');
    expect((await new Browser().post('/api/backup/import', backup)).status).toBe(409);
  });
});
