import { Hono } from 'hono';
import { backupSchema } from '../../core/api/backup.js';
import { appendAuditedThenRead, commitAudited } from '../audit.js';
import { sealAuditChain } from '../audit-seal.js';
import { exportCatalogQueries, exportCenter, importCenter } from '../backup.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { limitBody } from '../middleware/body-limit.js';
import { requireRoles } from '../middleware/session.js';
import { findOrg } from '../org.js';
import { jsonBody } from '../validation.js';

/**
 * Moving a center to another deployment (issue 11, docs/backup.md). The export is recorded in
 * the audit chain before it is read, so the file carries its own export event. The import works
 * only on a deployment nobody has set up yet — the same first-come rule as the setup wizard.
 */
export const backupRoutes = new Hono<AppEnv>();

/** Workers accept request bodies up to 100 MB; attachments travel inside the file. */
export const BACKUP_BODY_LIMIT_BYTES = 100 * 1024 * 1024;

backupRoutes.get('/', requireRoles('admin'), async (c) => {
  const { db, session } = c.var;
  // The export event commits with the first reads, so the file carries it.
  const catalog = await appendAuditedThenRead(
    db,
    session.org.id,
    { actor: session.user.id, type: 'backup.exported', subject: session.org.id, details: {} },
    [...exportCatalogQueries(db)],
  );
  const backup = await exportCenter(c.env.DB, c.env.ATTACHMENTS, session.org.id, catalog);
  c.header('Content-Disposition', `attachment; filename="tacit-backup-${backup.exportedAt}.json"`);
  return c.json(backup);
});

backupRoutes.post('/import', limitBody(BACKUP_BODY_LIMIT_BYTES), jsonBody(backupSchema), async (c) => {
  const { db } = c.var;
  const backup = c.req.valid('json');
  if (await findOrg(db))
    throw new ApiError(409, 'already_initialized', 'import only into a fresh deployment');
  const rows = await importCenter(c.env.DB, c.env.ATTACHMENTS, backup);
  await commitAudited(db, backup.orgId, {
    actor: null,
    type: 'backup.imported',
    subject: backup.orgId,
    details: { rows, objects: backup.objects.length, exportedAt: backup.exportedAt },
  });
  return c.json(
    {
      orgId: backup.orgId,
      rows,
      objects: backup.objects.length,
      auditHead: await sealAuditChain(db, backup.orgId),
    },
    201,
  );
});
