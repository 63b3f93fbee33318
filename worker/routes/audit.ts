import { asc, desc, eq, lt } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditCheckpointRequestSchema, auditPageQuerySchema } from '../../core/api/audit.js';
import { verifyAuditCheckpoint } from '../../crypto/audit-log.js';
import { fromBase64Url, fromHex } from '../../crypto/bytes.js';
import { commitAudited, readAuditHead } from '../audit.js';
import { isUniqueViolation } from '../db/client.js';
import { auditCheckpoints, auditEvents } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles } from '../middleware/session.js';
import { jsonBody, queryParams } from '../validation.js';

export const auditRoutes = new Hono<AppEnv>();

auditRoutes.get('/', requireRoles('admin', 'director'), queryParams(auditPageQuerySchema), async (c) => {
  const { before, limit } = c.req.valid('query');
  const rows = await c.var.db
    .select()
    .from(auditEvents)
    .where(before === undefined ? undefined : lt(auditEvents.seq, before))
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
  const events = rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    actor: row.actorUserId,
    type: row.type,
    subject: row.subject,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prevHash,
    hash: row.hash,
  }));
  const oldest = events.at(-1);
  return c.json({ events, nextBefore: oldest && oldest.seq > 1 ? oldest.seq : null });
});

auditRoutes.get('/head', requireRoles('admin', 'director'), async (c) => {
  return c.json(await readAuditHead(c.var.db, c.var.session.org.id));
});

/**
 * PROTOCOL §8: an admin's browser signs (n, h_n) after replaying the chain. The server keeps only
 * checkpoints that match its own chain and verify under the admin's certified signing key.
 */
auditRoutes.post('/checkpoints', requireRoles('admin'), jsonBody(auditCheckpointRequestSchema), async (c) => {
  const { db, session } = c.var;
  const checkpoint = c.req.valid('json');
  const admin = session.user;
  if (admin.certSig === null) {
    throw new ApiError(409, 'not_certified', 'only an admin with certified keys can sign checkpoints');
  }
  const [event] = await db
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.seq, checkpoint.n))
    .limit(1);
  if (!event || event.hash !== checkpoint.head) {
    throw new ApiError(400, 'bad_checkpoint', `the head does not match audit event ${checkpoint.n}`);
  }
  if (
    !verifyAuditCheckpoint(
      fromBase64Url(admin.ed25519Pk),
      checkpoint.n,
      fromHex(checkpoint.head),
      fromBase64Url(checkpoint.sig),
    )
  ) {
    throw new ApiError(400, 'bad_checkpoint', 'the checkpoint signature does not verify');
  }
  try {
    await commitAudited(
      db,
      session.org.id,
      {
        actor: admin.id,
        type: 'audit.checkpoint_signed',
        subject: String(checkpoint.n),
        details: { head: checkpoint.head },
      },
      () => [
        db.insert(auditCheckpoints).values({ ...checkpoint, adminUserId: admin.id, createdAt: Date.now() }),
      ],
    );
  } catch (error) {
    if (isUniqueViolation(error, 'audit_checkpoints')) {
      throw new ApiError(409, 'conflict', `you already signed checkpoint ${checkpoint.n}`);
    }
    throw error;
  }
  return c.json({ ok: true as const }, 201);
});

auditRoutes.get('/checkpoints', requireRoles('admin', 'director'), async (c) => {
  const rows = await c.var.db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.n));
  return c.json({
    checkpoints: rows.map((row) => ({
      n: row.n,
      head: row.head,
      sig: row.sig,
      adminUserId: row.adminUserId,
      createdAt: row.createdAt,
    })),
  });
});
