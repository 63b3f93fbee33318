import { Hono } from 'hono';
import { caseIdParamSchema } from '../../core/api/cases.js';
import { caseExportRequestSchema } from '../../core/api/exports.js';
import { commitAudited } from '../audit.js';
import { requireCaseHolder } from '../case-access.js';
import type { AppEnv } from '../env.js';
import { requireSession } from '../middleware/session.js';
import { jsonBody, pathParams } from '../validation.js';

/** Exports happen in the key holder's browser; the server's part is to record them (issue 4). */
export const caseExportRoutes = new Hono<AppEnv>();

caseExportRoutes.post(
  '/:id/exports',
  requireSession,
  pathParams(caseIdParamSchema),
  jsonBody(caseExportRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const { caseRow } = await requireCaseHolder(db, c.req.valid('param').id, session.user.id, Date.now());
    await commitAudited(db, session.org.id, {
      actor: session.user.id,
      type: 'case.exported',
      subject: caseRow.id,
      details: { format: c.req.valid('json').format, seq: caseRow.logSeq },
    });
    return c.json({ ok: true as const }, 201);
  },
);
