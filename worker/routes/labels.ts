import { asc, getTableName } from 'drizzle-orm';
import type { Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { AuditEventType } from '../../core/api/audit.js';
import { commitAudited } from '../audit.js';
import { isUniqueViolation } from '../db/client.js';
import type { kbCategories } from '../db/knowledge-schema.js';
import type { supervisionThemes } from '../db/supervision-archive-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles } from '../middleware/session.js';
import { jsonBody } from '../validation.js';

/**
 * Labels an admin names and everyone allowed lists (knowledge categories, supervision themes):
 * operational rows whose name is unique, listed by name.
 */
export interface LabelKind {
  readonly table: typeof kbCategories | typeof supervisionThemes;
  /** The word for one label, in error messages. */
  readonly noun: string;
  /** The key the list answers under. */
  readonly listKey: string;
  /** Who may list the labels. */
  readonly reader: MiddlewareHandler<AppEnv>;
  readonly createSchema: z.ZodType<{ id: string; name: string }>;
  readonly createdEvent: AuditEventType;
}

export const labelView = (row: typeof kbCategories.$inferSelect) => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt,
});

/** Adds `GET path` (the labels by name) and the admin's `POST path` (one new label) to `router`. */
export function addLabelRoutes(router: Hono<AppEnv>, path: string, kind: LabelKind): void {
  const { table } = kind;
  const tableName = getTableName(table);

  router.get(path, kind.reader, async (c) => {
    const rows = await c.var.db.select().from(table).orderBy(asc(table.name));
    return c.json({ [kind.listKey]: rows.map(labelView) });
  });

  router.post(path, requireRoles('admin'), jsonBody(kind.createSchema), async (c) => {
    const { db, session } = c.var;
    const body = c.req.valid('json');
    const row = { id: body.id, name: body.name, createdBy: session.user.id, createdAt: Date.now() };
    try {
      await commitAudited(
        db,
        session.org.id,
        {
          actor: session.user.id,
          type: kind.createdEvent,
          subject: body.id,
          details: { name: body.name },
        },
        () => [db.insert(table).values(row)],
      );
    } catch (error) {
      if (isUniqueViolation(error, `${tableName}.name`)) {
        throw new ApiError(409, 'name_taken', `a ${kind.noun} with this name exists`);
      }
      if (isUniqueViolation(error, `${tableName}.id`)) {
        throw new ApiError(409, 'conflict', `this ${kind.noun} id is taken`);
      }
      throw error;
    }
    return c.json(labelView(row), 201);
  });
}
