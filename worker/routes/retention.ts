import { and, asc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { Hono } from 'hono';
import { type RetentionPolicyView, setRetentionPoliciesRequestSchema } from '../../core/api/data-rights.js';
import { commitAudited } from '../audit.js';
import { toCaseSummary } from '../case-views.js';
import { caseDestructions, retentionPolicies } from '../db/data-rights-schema.js';
import { caseKeyWraps, cases } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { requireRoles } from '../middleware/session.js';
import { jsonBody } from '../validation.js';
import { toDestructionView } from './destructions.js';

/** Retention per service type: keep N years after closing, then list the case for destruction. */
export const retentionRoutes = new Hono<AppEnv>();

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

async function listPolicies(c: { var: AppEnv['Variables'] }) {
  const rows = await c.var.db.select().from(retentionPolicies).orderBy(asc(retentionPolicies.serviceType));
  return rows.map((row) => ({
    serviceType: row.serviceType as RetentionPolicyView['serviceType'],
    keepYears: row.keepYears,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  }));
}

retentionRoutes.get('/policies', requireRoles('director', 'admin'), async (c) =>
  c.json({ policies: await listPolicies(c) }),
);

retentionRoutes.put(
  '/policies',
  requireRoles('director'),
  jsonBody(setRetentionPoliciesRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const { policies } = c.req.valid('json');
    const now = Date.now();
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'retention.policy_set',
        subject: null,
        details: { policies: policies.map((policy) => ({ ...policy })) },
      },
      () => [
        db.delete(retentionPolicies),
        ...policies.map((policy) =>
          db.insert(retentionPolicies).values({ ...policy, updatedBy: session.user.id, updatedAt: now }),
        ),
      ],
    );
    return c.json({ policies: await listPolicies(c) });
  },
);

/**
 * Closed and archived cases whose retention has run out (closedAt + keepYears ≤ now), with any
 * destruction request already open for them; destroyed cases are left out.
 */
retentionRoutes.get('/due', requireRoles('director'), async (c) => {
  const { db } = c.var;
  const now = Date.now();
  const kept = and(
    inArray(cases.status, ['closed', 'archived']),
    isNotNull(cases.closedAt),
    eq(retentionPolicies.serviceType, cases.serviceType),
  );
  // Policies, the closed cases under one, their current wraps and the requests in one round trip.
  const [closed, wraps, requests] = await db.batch([
    db
      .select({ caseRow: cases, keepYears: retentionPolicies.keepYears })
      .from(cases)
      .innerJoin(retentionPolicies, kept)
      .orderBy(asc(cases.closedAt)),
    db
      .select({ wrap: caseKeyWraps })
      .from(caseKeyWraps)
      .innerJoin(cases, and(eq(cases.id, caseKeyWraps.caseId), eq(cases.currentEpoch, caseKeyWraps.epoch)))
      .innerJoin(retentionPolicies, kept),
    db.select().from(caseDestructions).where(ne(caseDestructions.status, 'cancelled')),
  ]);
  const open = new Map(requests.map((row) => [row.caseId, row]));
  const wrapsOf = Map.groupBy(
    wraps.map((row) => row.wrap),
    (wrap) => wrap.caseId,
  );
  const due = [];
  for (const { caseRow, keepYears } of closed) {
    const dueAt = (caseRow.closedAt ?? 0) + Math.round(keepYears * YEAR_MS);
    const destruction = open.get(caseRow.id);
    if (dueAt > now || destruction?.status === 'destroyed') continue;
    due.push({
      case: toCaseSummary(caseRow, wrapsOf.get(caseRow.id) ?? [], now),
      keepYears,
      dueAt,
      destruction: destruction ? toDestructionView(destruction) : null,
    });
  }
  return c.json({ cases: due });
});
