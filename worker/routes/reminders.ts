import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { reminderOptInSchema } from '../../core/api/appointments.js';
import { idSchema } from '../../core/api/encoding.js';
import { z } from '../../core/api/zod.js';
import { toAppointmentView } from '../appointments.js';
import { commitAudited } from '../audit.js';
import { clientReminderAddresses } from '../db/schedule-schema.js';
import { clients } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles } from '../middleware/session.js';
import { myReminders } from '../reminders.js';
import { jsonBody, pathParams } from '../validation.js';

/** The counselor's in-app reminders, and the client reminder opt-in the front desk records. */
export const reminderRoutes = new Hono<AppEnv>();

const clientParamSchema = z.object({ clientId: idSchema });
const desk = requireRoles('frontdesk', 'admin', 'director');

reminderRoutes.get('/', requireRoles('counselor'), async (c) => {
  const rows = await myReminders(c.var.db, c.var.session.user.id, Date.now());
  return c.json({ appointments: rows.map(toAppointmentView) });
});

async function requireClient(db: AppEnv['Variables']['db'], clientId: string): Promise<void> {
  const [client] = await db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId));
  if (!client) throw new ApiError(404, 'not_found', 'no such client');
}

reminderRoutes.get('/clients/:clientId', desk, pathParams(clientParamSchema), async (c) => {
  const [row] = await c.var.db
    .select()
    .from(clientReminderAddresses)
    .where(eq(clientReminderAddresses.clientId, c.req.valid('param').clientId));
  return c.json({ optedIn: row !== undefined, email: row?.email ?? null });
});

/**
 * The client asked for reminders: from now on this address is server-visible (DESIGN §2's stated
 * limit). The audit event records the opt-in, never the address.
 */
reminderRoutes.put(
  '/clients/:clientId',
  desk,
  pathParams(clientParamSchema),
  jsonBody(reminderOptInSchema),
  async (c) => {
    const { db, session } = c.var;
    const { clientId } = c.req.valid('param');
    await requireClient(db, clientId);
    const row = {
      clientId,
      email: c.req.valid('json').email,
      optedInAt: Date.now(),
      recordedBy: session.user.id,
    };
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'reminder.opt_in_changed',
        subject: clientId,
        details: { optedIn: true },
      },
      () => [
        db
          .insert(clientReminderAddresses)
          .values(row)
          .onConflictDoUpdate({
            target: clientReminderAddresses.clientId,
            set: { email: row.email, optedInAt: row.optedInAt, recordedBy: row.recordedBy },
          }),
      ],
    );
    return c.json({ optedIn: true, email: row.email });
  },
);

reminderRoutes.delete('/clients/:clientId', desk, pathParams(clientParamSchema), async (c) => {
  const { db, session } = c.var;
  const { clientId } = c.req.valid('param');
  await requireClient(db, clientId);
  await commitAudited(
    db,
    session.org.id,
    {
      actor: session.user.id,
      type: 'reminder.opt_in_changed',
      subject: clientId,
      details: { optedIn: false },
    },
    () => [db.delete(clientReminderAddresses).where(eq(clientReminderAddresses.clientId, clientId))],
  );
  return c.body(null, 204);
});
