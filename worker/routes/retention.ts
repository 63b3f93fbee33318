import { and, asc, inArray, isNotNull, ne } from 'drizzle-orm';
import { Hono } from 'hono';
import { type RetentionPolicyView, setRetentionPoliciesRequestSchema } from '../../core/api/data-rights.js';
import { commitAudited } from '../audit.js';
import { wrapsAtEpoch } from '../case-access.js';
import { toCaseSummary } from '../case-views.js';
import { caseDestructions, retentionPolicies } from '../db/data-rights-schema.js';
import { cases } from '../db/schema.js';
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
  const policies = await db.select().from(retentionPolicies);
  if (policies.length === 0) return c.json({ cases: [] });
  const keep = new Map(policies.map((policy) => [policy.serviceType, policy.keepYears]));
  const closed = await db
    .select()
    .from(cases)
    .where(
      and(
        inArray(cases.status, ['closed', 'archived']),
        isNotNull(cases.closedAt),
        inArray(cases.serviceType, [...keep.keys()]),
      ),
    )
    .orderBy(asc(cases.closedAt));
  const requests = await db.select().from(caseDestructions).where(ne(caseDestructions.status, 'cancelled'));
  const open = new Map(requests.map((row) => [row.caseId, row]));
  const due = [];
  for (const caseRow of closed) {
    const keepYears = keep.get(caseRow.serviceType) ?? 0;
    const dueAt = (caseRow.closedAt ?? 0) + Math.round(keepYears * YEAR_MS);
    const destruction = open.get(caseRow.id);
    if (dueAt > now || destruction?.status === 'destroyed') continue;
    due.push({
      case: toCaseSummary(caseRow, await wrapsAtEpoch(db, caseRow.id, caseRow.currentEpoch), now),
      keepYears,
      dueAt,
      destruction: destruction ? toDestructionView(destruction) : null,
    });
  }
  return c.json({ cases: due });
});
