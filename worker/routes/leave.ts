import { and, desc, eq, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  createLeaveRequestSchema,
  idParamSchema,
  leaveDecisionSchema,
} from '../../core/api/schedule-setup.js';
import { z } from '../../core/api/zod.js';
import { runAfterResponse } from '../after-response.js';
import { toAppointmentView } from '../appointments.js';
import { commitAudited } from '../audit.js';
import { sealAfterAppend } from '../audit-seal.js';
import { type LeaveRow, leaveRequests } from '../db/schedule-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { appointmentsNeedingMove, cancelLeave, decideLeave, requireLeave, toLeaveView } from '../leave.js';
import { requireRoles, requireSession } from '../middleware/session.js';
import { managesSchedule, seesEveryCalendar } from '../schedule-access.js';
import { jsonBody, pathParams, queryParams } from '../validation.js';
import { startLeaveProcess } from '../workflows/hooks.js';

/** Leave requests: counselors ask for their own, directors decide. */
export const leaveRoutes = new Hono<AppEnv>();

const listQuerySchema = z.object({
  status: z.enum(['pending', 'approved', 'rejected', 'cancelled']).optional(),
});

leaveRoutes.post('/', requireRoles('counselor'), jsonBody(createLeaveRequestSchema), async (c) => {
  const { db, session } = c.var;
  const body = c.req.valid('json');
  const row: LeaveRow = {
    id: crypto.randomUUID(),
    counselorId: session.user.id,
    ...body,
    status: 'pending',
    requestedAt: Date.now(),
    decidedBy: null,
    decidedAt: null,
  };
  await commitAudited(
    db,
    session.org.id,
    {
      actor: session.user.id,
      type: 'leave.requested',
      subject: row.id,
      details: { reason: row.reason, startAt: row.startAt, endAt: row.endAt },
    },
    () => [db.insert(leaveRequests).values(row)],
  );
  // The leave process starts after the response, as a booking's does: the request is stored and
  // pending either way, and the answer names only the request.
  runAfterResponse(c, async () => {
    try {
      await startLeaveProcess(db, session.org.id, row.id, session.user.id);
      await sealAfterAppend(db, session.org.id);
    } catch (error) {
      console.error('leave: the leave process did not start; the request waits for a director', error);
    }
  });
  return c.json(toLeaveView(row), 201);
});

/** A director sees everyone's requests; anyone else only their own. */
leaveRoutes.get('/', requireSession, queryParams(listQuerySchema), async (c) => {
  const { db, session } = c.var;
  const { status } = c.req.valid('query');
  const filters: SQL[] = [];
  if (!managesSchedule(session)) filters.push(eq(leaveRequests.counselorId, session.user.id));
  if (status) filters.push(eq(leaveRequests.status, status));
  const rows = await db
    .select()
    .from(leaveRequests)
    .where(and(...filters))
    .orderBy(desc(leaveRequests.startAt))
    .limit(200);
  return c.json({ leave: rows.map((row) => toLeaveView(row)) });
});

/** Appointments still inside approved leave: every one for the front desk, a counselor's own. */
leaveRoutes.get('/conflicts', requireSession, async (c) => {
  const { db, session } = c.var;
  const rows = await appointmentsNeedingMove(
    db,
    Date.now(),
    seesEveryCalendar(session) ? undefined : session.user.id,
  );
  return c.json({ appointments: rows.map(toAppointmentView) });
});

leaveRoutes.post(
  '/:id/decision',
  requireRoles('director'),
  pathParams(idParamSchema),
  jsonBody(leaveDecisionSchema),
  async (c) => {
    const { db, session } = c.var;
    const view = await decideLeave(db, session.org.id, {
      leaveId: c.req.valid('param').id,
      decision: c.req.valid('json').decision,
      deciderId: session.user.id,
    });
    return c.json(view);
  },
);

leaveRoutes.post('/:id/cancel', requireSession, pathParams(idParamSchema), async (c) => {
  const { db, session } = c.var;
  const leave = await requireLeave(db, c.req.valid('param').id);
  if (leave.counselorId !== session.user.id) {
    throw new ApiError(403, 'forbidden', 'only the counselor who asked may withdraw a leave request');
  }
  return c.json(await cancelLeave(db, session.org.id, leave, session.user.id));
});
