import { eq, inArray, like } from 'drizzle-orm';
import { Hono } from 'hono';
import { caseLookupQuerySchema, MAX_CASE_LOOKUP_RESULTS } from '../../core/api/case-lookup.js';
import { commitAudited } from '../audit.js';
import { cases, users } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { requireRoles } from '../middleware/session.js';
import { toUserMap } from '../people.js';
import { queryParams } from '../validation.js';
import { toUserView } from '../views.js';

/**
 * GET /api/case-lookup?number=…: a case's primary counselor and status, for the clinician who
 * asks for access to it (core/api/case-lookup.ts). Case numbers are prefixes of random ids, so
 * one may match more than one case; every match is listed. Audited, like the request it precedes.
 */
export const caseLookupRoutes = new Hono<AppEnv>();

caseLookupRoutes.get(
  '/',
  requireRoles('supervisor', 'counselor'),
  queryParams(caseLookupQuerySchema),
  async (c) => {
    const { db, session } = c.var;
    const { number } = c.req.valid('query');
    // `number` is hex (and dashes) only, so it carries no LIKE wildcards.
    const matches = number.length === 8 ? like(cases.id, `${number}-%`) : eq(cases.id, number);
    // The matches and their counselors in one read batch.
    const [rows, counselorRows] = await db.batch([
      db
        .select({ id: cases.id, status: cases.status, primaryCounselorId: cases.primaryCounselorId })
        .from(cases)
        .where(matches)
        .orderBy(cases.id)
        .limit(MAX_CASE_LOOKUP_RESULTS),
      db
        .select()
        .from(users)
        .where(inArray(users.id, db.select({ id: cases.primaryCounselorId }).from(cases).where(matches))),
    ]);
    const counselors = toUserMap(counselorRows);
    const found = rows.flatMap((row) => {
      const counselor = counselors.get(row.primaryCounselorId);
      return counselor ? [{ id: row.id, status: row.status, primaryCounselor: toUserView(counselor) }] : [];
    });
    await commitAudited(db, session.org.id, {
      actor: session.user.id,
      type: 'case.looked_up',
      subject: found[0]?.id ?? null,
      details: { number, found: found.map((entry) => entry.id) },
    });
    return c.json({ cases: found });
  },
);
