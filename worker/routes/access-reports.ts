import { eq, inArray, or, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import { caseIdParamSchema } from '../../core/api/cases.js';
import { clientIdParamSchema } from '../../core/api/clients.js';
import { commitAudited } from '../audit.js';
import { sealedEvents, sealedEventsQueries } from '../audit-seal.js';
import { eventsAbout, toAuditEventView } from '../audit-views.js';
import { caseHolderQueries, caseNotFound, judgeCaseHolder } from '../case-access.js';
import { clientNotFound } from '../contact-access.js';
import type { Db } from '../db/client.js';
import { auditEvents, cases, clients } from '../db/schema.js';
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

const reportQueries = (db: Db, about: SQL | undefined) =>
  sealedEventsQueries(db, { where: about, order: 'asc' });

/**
 * The report from reportQueries' rows; the seal of the events it lists and the record of reading
 * it commit in one write.
 */
async function report(
  db: Db,
  session: ActiveSession,
  subject: string,
  rows: Parameters<typeof sealedEvents>[2],
) {
  const { events, sealUpdates } = sealedEvents(db, session.org.id, rows);
  await commitAudited(
    db,
    session.org.id,
    {
      actor: session.user.id,
      type: 'audit.access_report_read',
      subject,
      details: { events: events.length },
    },
    () => sealUpdates,
  );
  return { events: events.map(toAuditEventView) };
}

caseAccessReportRoutes.get('/:id/access-log', requireSession, pathParams(caseIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const caseId = c.req.valid('param').id;
  const [caseRows, mine, ...rows] = await db.batch([
    ...caseHolderQueries(db, caseId, session.user.id),
    ...reportQueries(db, eventsAbout([caseId])),
  ]);
  if (session.user.roles.includes('director')) {
    if (caseRows.length === 0) throw caseNotFound();
  } else {
    judgeCaseHolder(caseRows, mine, Date.now());
  }
  return c.json(await report(db, session, caseId, rows));
});

clientAccessReportRoutes.get(
  '/:id/access-log',
  requireRoles('director'),
  pathParams(clientIdParamSchema),
  async (c) => {
    const { db, session } = c.var;
    const clientId = c.req.valid('param').id;
    // Events about the client and about each of the client's cases.
    const about = or(
      eq(auditEvents.subject, clientId),
      inArray(
        auditEvents.subject,
        db.select({ id: cases.id }).from(cases).where(eq(cases.clientId, clientId)),
      ),
    );
    const [[client], ...rows] = await db.batch([
      db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId)),
      ...reportQueries(db, about),
    ]);
    if (!client) throw clientNotFound();
    return c.json(await report(db, session, clientId, rows));
  },
);
