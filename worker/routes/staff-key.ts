import { Hono } from 'hono';
import {
  addStaffWrapsRequestSchema,
  createStaffKeyRequestSchema,
  rotateStaffKeyRequestSchema,
} from '../../core/api/staff-key.js';
import { commitAudited } from '../audit.js';
import { refuseDuplicate } from '../db/client.js';
import { staffKeyEpochs, staffKeyWraps } from '../db/knowledge-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireCertified } from '../key-wraps.js';
import { requireSession } from '../middleware/session.js';
import {
  recipientsQuery,
  requireStaffKeyHolder,
  staffKeyQueries,
  staffWrapRows,
  toStaffKeyState,
} from '../staff-key.js';
import { jsonBody } from '../validation.js';

/** The staff key (issue 14): wraps and the key chain only; the key itself never reaches here. */
export const staffKeyRoutes = new Hono<AppEnv>();
staffKeyRoutes.use('*', requireSession);

const includeSelf = (wraps: readonly { to: string }[], me: string) => {
  if (!wraps.some((wrap) => wrap.to === me)) {
    throw new ApiError(400, 'invalid_request', 'include a wrap of the staff key to yourself');
  }
};

/** My wrap of the current epoch, who holds it, and the chain down to epoch 0 (for holders only). */
staffKeyRoutes.get('/', async (c) => {
  const { db, session } = c.var;
  requireCertified(session.user, 'read the staff key');
  const [epochs, holders, mine] = await db.batch([...staffKeyQueries(db, session.user.id)]);
  const state = toStaffKeyState(epochs, holders, mine);
  if (state.mine) {
    await commitAudited(
      db,
      session.org.id,
      { actor: session.user.id, type: 'staff_key.read', subject: null, details: { epoch: state.epoch } },
      () => [],
    );
  }
  return c.json({
    epoch: state.epoch,
    wrap: state.mine
      ? {
          epoch: state.mine.epoch,
          enc: state.mine.enc,
          ct: state.mine.ct,
          sig: state.mine.sig,
          byUserId: state.mine.byUserId,
        }
      : null,
    holders: state.holders.map((holder) => holder.id),
    departed: state.holders.filter((holder) => !holder.staff).map((holder) => holder.id),
    chain: state.mine
      ? state.epochs.flatMap((row) =>
          row.previousKeyEnvelope === null
            ? []
            : [{ epoch: row.epoch - 1, envelope: row.previousKeyEnvelope }],
        )
      : [],
  });
});

/** The center's first staff key: any certified staff member's browser makes it. */
staffKeyRoutes.post('/', jsonBody(createStaffKeyRequestSchema), async (c) => {
  const { db, session } = c.var;
  const body = c.req.valid('json');
  requireCertified(session.user, 'make the staff key');
  const [epochs, recipients] = await db.batch([
    staffKeyQueries(db, session.user.id)[0],
    recipientsQuery(db, body.wraps),
  ]);
  if (epochs.length > 0) throw new ApiError(409, 'staff_key_exists', 'the center already has a staff key');
  includeSelf(body.wraps, session.user.id);
  const now = Date.now();
  const rows = staffWrapRows(session, recipients, 0, body.wraps, now);
  await refuseDuplicate(
    'staff_key_epochs.epoch',
    () => new ApiError(409, 'staff_key_exists', 'the center already has a staff key'),
    () =>
      commitAudited(
        db,
        session.org.id,
        {
          actor: session.user.id,
          type: 'staff_key.created',
          subject: null,
          details: { epoch: 0, holders: rows.map((row) => row.userId) },
        },
        () => [
          db
            .insert(staffKeyEpochs)
            .values({ epoch: 0, previousKeyEnvelope: null, createdBy: session.user.id, createdAt: now }),
          ...rows.map((row) => db.insert(staffKeyWraps).values(row)),
        ],
      ),
  );
  return c.json({ ok: true as const, epoch: 0 }, 201);
});

/** A holder's browser wraps the current epoch to staff who joined since. */
staffKeyRoutes.post('/wraps', jsonBody(addStaffWrapsRequestSchema), async (c) => {
  const { db, session } = c.var;
  const body = c.req.valid('json');
  const [epochs, holders, mine, recipients] = await db.batch([
    ...staffKeyQueries(db, session.user.id),
    recipientsQuery(db, body.wraps),
  ]);
  const state = toStaffKeyState(epochs, holders, mine);
  const epoch = requireStaffKeyHolder(state);
  if (body.epoch !== epoch) throw new ApiError(409, 'stale_epoch', `the staff key is at epoch ${epoch}`);
  const rows = staffWrapRows(session, recipients, epoch, body.wraps, Date.now());
  await refuseDuplicate(
    'staff_key_wraps',
    () => new ApiError(409, 'already_granted', 'a recipient already holds the staff key at this epoch'),
    () =>
      commitAudited(
        db,
        session.org.id,
        {
          actor: session.user.id,
          type: 'staff_key.wraps_added',
          subject: null,
          details: { epoch, holders: rows.map((row) => row.userId) },
        },
        () => rows.map((row) => db.insert(staffKeyWraps).values(row)),
      ),
  );
  return c.json({ ok: true as const, epoch }, 201);
});

/** Epoch e+1 after a holder left: wrapped to the staff who remain, e's key under e+1's. */
staffKeyRoutes.post('/rotate', jsonBody(rotateStaffKeyRequestSchema), async (c) => {
  const { db, session } = c.var;
  const body = c.req.valid('json');
  const [epochs, holders, mine, recipients] = await db.batch([
    ...staffKeyQueries(db, session.user.id),
    recipientsQuery(db, body.wraps),
  ]);
  const state = toStaffKeyState(epochs, holders, mine);
  const current = requireStaffKeyHolder(state);
  if (body.epoch !== current + 1) {
    throw new ApiError(409, 'stale_epoch', `the staff key is at epoch ${current}`);
  }
  includeSelf(body.wraps, session.user.id);
  const now = Date.now();
  const rows = staffWrapRows(session, recipients, body.epoch, body.wraps, now);
  const departed = state.holders.filter((holder) => !holder.staff).map((holder) => holder.id);
  await refuseDuplicate(
    'staff_key_epochs.epoch',
    () => new ApiError(409, 'stale_epoch', 'someone else rotated the staff key first'),
    () =>
      commitAudited(
        db,
        session.org.id,
        {
          actor: session.user.id,
          type: 'staff_key.rotated',
          subject: null,
          details: { epoch: body.epoch, holders: rows.map((row) => row.userId), departed },
        },
        () => [
          db.insert(staffKeyEpochs).values({
            epoch: body.epoch,
            previousKeyEnvelope: body.chain,
            createdBy: session.user.id,
            createdAt: now,
          }),
          ...rows.map((row) => db.insert(staffKeyWraps).values(row)),
        ],
      ),
  );
  return c.json({ ok: true as const, epoch: body.epoch }, 201);
});
