import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { caseIdParamSchema } from '../../core/api/cases.js';
import { clientIdParamSchema } from '../../core/api/clients.js';
import { commitAudited } from '../audit.js';
import { readSealedEvents } from '../audit-seal.js';
import { eventsAbout, toAuditEventView } from '../audit-views.js';
import { caseNotFound, findCase, requireCaseHolder } from '../case-access.js';
import { clientNotFound } from '../contact-access.js';
import type { Db } from '../db/client.js';
import { cases, clients } from '../db/schema.js';
import type { ActiveSession, AppEnv } from '../env.js';
import { requireRoles, requireSession } from '../middleware/session.js';
import { pathParams } from '../validation.js';

/**
 * "Who accessed this case": every audit event on a case (reads, exports, grants, records), for
 * the counselor on their own case and for a director answering a client's request (PIPL art. 45,
 * GDPR art. 15). Reading the report is itself recorded.
 */
export const caseAccessReportRoutes = new Hono<AppEnv>();
export const clientAccessReportRoutes = new Hono<AppEnv>();

async function report(db: Db, session: ActiveSession, subject: string, subjects: readonly string[]) {
  const rows = await readSealedEvents(db, session.org.id, { where: eventsAbout(subjects), order: 'asc' });
  await commitAudited(db, session.org.id, {
    actor: session.user.id,
    type: 'audit.access_report_read',
    subject,
    details: { events: rows.length },
  });
  return { events: rows.map(toAuditEventView) };
}

caseAccessReportRoutes.get('/:id/access-log', requireSession, pathParams(caseIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const caseId = c.req.valid('param').id;
  if (session.user.roles.includes('director')) {
    if (!(await findCase(db, caseId))) throw caseNotFound();
  } else {
    await requireCaseHolder(db, caseId, session.user.id, Date.now());
  }
  return c.json(await report(db, session, caseId, [caseId]));
});

clientAccessReportRoutes.get(
  '/:id/access-log',
  requireRoles('director'),
  pathParams(clientIdParamSchema),
  async (c) => {
    const { db, session } = c.var;
    const clientId = c.req.valid('param').id;
    const [client] = await db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId));
    if (!client) throw clientNotFound();
    const caseIds = await db.select({ id: cases.id }).from(cases).where(eq(cases.clientId, clientId));
    return c.json(await report(db, session, clientId, [clientId, ...caseIds.map((row) => row.id)]));
  },
);
