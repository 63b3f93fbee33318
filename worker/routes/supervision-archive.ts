import { and, asc, eq, gt, inArray, isNull, like, min, or, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  createThemeRequestSchema,
  reportParamSchema,
  SUPERVISION_REPORT_FORM,
  setThemesRequestSchema,
} from '../../core/api/supervision-archive.js';
import { commitAudited } from '../audit.js';
import { caseHolderQueries, judgeCaseHolder } from '../case-access.js';
import { caseKeyWraps, caseRecords, cases } from '../db/schema.js';
import { supervisionRecordThemes, supervisionThemes } from '../db/supervision-archive-schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireRoles } from '../middleware/session.js';
import { jsonBody, pathParams } from '../validation.js';
import { addLabelRoutes, labelView } from './labels.js';

/**
 * The supervision archive (督导档案, issue 14): which supervision reports the caller holds the
 * key to, with their theme tags, and the tags themselves. The server lists ids and tags only; the
 * reports and the feedback in them are decrypted in the key holder's browser.
 */
export const supervisionArchiveRoutes = new Hono<AppEnv>();

const READERS = ['counselor', 'supervisor', 'director'] as const;
const TAGGERS = ['counselor', 'supervisor'] as const;
const reportForm = like(caseRecords.form, `${SUPERVISION_REPORT_FORM}@%`);

/** (Joined to `cases`) a live wrap of the case's current key to `userId`: what "holds its key" means (PROTOCOL §5). */
const holdsKey = (userId: string, now: number): SQL =>
  and(
    eq(caseKeyWraps.caseId, cases.id),
    eq(caseKeyWraps.epoch, cases.currentEpoch),
    eq(caseKeyWraps.toUserId, userId),
    isNull(caseKeyWraps.revokedAt),
    or(eq(caseKeyWraps.expiresAt, 0), gt(caseKeyWraps.expiresAt, now)),
  ) as SQL;

addLabelRoutes(supervisionArchiveRoutes, '/themes', {
  table: supervisionThemes,
  noun: 'theme',
  listKey: 'themes',
  reader: requireRoles('admin', ...READERS),
  createSchema: createThemeRequestSchema,
  createdEvent: 'supervision.theme_created',
});

supervisionArchiveRoutes.get('/', requireRoles(...READERS), async (c) => {
  const { db, session } = c.var;
  const now = Date.now();
  const me = session.user.id;
  const [reports, tags, themes] = await db.batch([
    db
      .select({
        caseId: caseRecords.caseId,
        recordId: caseRecords.recordId,
        form: min(caseRecords.form),
        writtenAt: min(caseRecords.createdAt),
      })
      .from(caseRecords)
      .innerJoin(cases, eq(cases.id, caseRecords.caseId))
      .innerJoin(caseKeyWraps, holdsKey(me, now))
      .where(reportForm)
      .groupBy(caseRecords.caseId, caseRecords.recordId)
      .orderBy(asc(min(caseRecords.createdAt))),
    db
      .select({
        caseId: supervisionRecordThemes.caseId,
        recordId: supervisionRecordThemes.recordId,
        themeId: supervisionRecordThemes.themeId,
      })
      .from(supervisionRecordThemes)
      .innerJoin(cases, eq(cases.id, supervisionRecordThemes.caseId))
      .innerJoin(caseKeyWraps, holdsKey(me, now)),
    db.select().from(supervisionThemes).orderBy(asc(supervisionThemes.name)),
  ]);
  const tagsOf = new Map<string, string[]>();
  for (const tag of tags) {
    const key = `${tag.caseId}/${tag.recordId}`;
    tagsOf.set(key, [...(tagsOf.get(key) ?? []), tag.themeId]);
  }
  return c.json({
    reports: reports.map((report) => ({
      caseId: report.caseId,
      recordId: report.recordId,
      form: report.form ?? '',
      writtenAt: report.writtenAt ?? 0,
      themeIds: tagsOf.get(`${report.caseId}/${report.recordId}`) ?? [],
    })),
    themes: themes.map(labelView),
  });
});

/** A key holder (the counselor, or the supervisor while their grant lives) sets a report's themes. */
supervisionArchiveRoutes.put(
  '/reports/:caseId/:recordId/themes',
  requireRoles(...TAGGERS),
  pathParams(reportParamSchema),
  jsonBody(setThemesRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const { caseId, recordId } = c.req.valid('param');
    const { themeIds } = c.req.valid('json');
    const now = Date.now();
    const [caseRows, mine, [record], known] = await db.batch([
      ...caseHolderQueries(db, caseId, session.user.id),
      db
        .select({ recordId: caseRecords.recordId })
        .from(caseRecords)
        .where(and(eq(caseRecords.caseId, caseId), eq(caseRecords.recordId, recordId), reportForm))
        .limit(1),
      db
        .select({ id: supervisionThemes.id })
        .from(supervisionThemes)
        .where(inArray(supervisionThemes.id, themeIds.length > 0 ? themeIds : [''])),
    ]);
    judgeCaseHolder(caseRows, mine, now);
    if (!record) throw new ApiError(404, 'not_found', 'no such supervision report in this case');
    if (known.length !== themeIds.length) {
      throw new ApiError(422, 'invalid_request', 'a theme does not exist');
    }
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'supervision.themes_set',
        subject: recordId,
        details: { caseId, themeIds },
      },
      () => [
        db
          .delete(supervisionRecordThemes)
          .where(
            and(eq(supervisionRecordThemes.caseId, caseId), eq(supervisionRecordThemes.recordId, recordId)),
          ),
        ...themeIds.map((themeId) =>
          db
            .insert(supervisionRecordThemes)
            .values({ caseId, recordId, themeId, taggedBy: session.user.id, taggedAt: now }),
        ),
      ],
    );
    return c.json({ caseId, recordId, themeIds });
  },
);
