import { asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  auditCheckpointRequestSchema,
  auditExportRequestSchema,
  auditPageQuerySchema,
} from '../../core/api/audit.js';
import { verifyAuditCheckpoint } from '../../crypto/audit-log.js';
import { fromBase64Url, fromHex } from '../../crypto/bytes.js';
import type { JsonValue } from '../../crypto/canonical-json.js';
import { commitAudited } from '../audit.js';
import { readSealedEvents, sealAuditChain } from '../audit-seal.js';
import { auditConditions, toAuditEventView } from '../audit-views.js';
import { isUniqueViolation } from '../db/client.js';
import { auditCheckpoints, auditEvents } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles } from '../middleware/session.js';
import { jsonBody, queryParams } from '../validation.js';

export const auditRoutes = new Hono<AppEnv>();

const definedOnly = (filter: Record<string, string | number | undefined>): { [key: string]: JsonValue } =>
  Object.fromEntries(
    Object.entries(filter).filter((entry): entry is [string, string | number] => entry[1] !== undefined),
  );

auditRoutes.get('/', requireRoles('admin', 'director'), queryParams(auditPageQuerySchema), async (c) => {
  const { before, limit, ...filter } = c.req.valid('query');
  // One row more than asked tells whether an older page exists under the same filter.
  const rows = await readSealedEvents(c.var.db, c.var.session.org.id, {
    where: auditConditions(filter, before),
    order: 'desc',
    limit: limit + 1,
  });
  const events = rows.slice(0, limit).map(toAuditEventView);
  const oldest = events.at(-1);
  return c.json({ events, nextBefore: oldest && rows.length > limit ? oldest.seq : null });
});

/** The browser builds the CSV or JSON file; the server records that it was made, and of what. */
auditRoutes.post(
  '/exports',
  requireRoles('admin', 'director'),
  jsonBody(auditExportRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const { format, filter, events } = c.req.valid('json');
    await commitAudited(db, session.org.id, {
      actor: session.user.id,
      type: 'audit.exported',
      subject: null,
      details: { format, events, filter: definedOnly(filter) },
    });
    return c.json({ ok: true as const }, 201);
  },
);

auditRoutes.get('/head', requireRoles('admin', 'director'), async (c) => {
  return c.json(await sealAuditChain(c.var.db, c.var.session.org.id));
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
