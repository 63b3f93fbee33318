import { and, desc, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { caseIdParamSchema } from '../../core/api/cases.js';
import {
  createPortalLinkRequestSchema,
  portalLinkParamSchema,
  portalSubmissionParamSchema,
  portalSubmitRequestSchema,
  portalTokenRequestSchema,
} from '../../core/api/portal.js';
import { commitAudited } from '../audit.js';
import { caseHolderQueries, judgeCaseHolder, requireCaseHolder } from '../case-access.js';
import { newToken } from '../credentials.js';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/client.js';
import {
  caseEpochs,
  caseRecords,
  type PortalSubmissionRow,
  portalLinks,
  portalSubmissions,
} from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { requireCertified } from '../key-wraps.js';
import { requireSession } from '../middleware/session.js';
import { requireOrg } from '../org.js';
import {
  assertPortalOperational,
  requireOpenPortalLink,
  requirePortalForm,
  toPortalLinkView,
  toPortalSubmissionView,
} from '../portal.js';
import { eventStatement, processEventsAfterCommit } from '../rules/outbox.js';
import { jsonBody, pathParams } from '../validation.js';

const HOUR_MS = 60 * 60_000;

/** A key holder's side of the portal, under /api/cases/:id/portal. */
export const casePortalRoutes = new Hono<AppEnv>();

casePortalRoutes.post(
  '/:id/portal/links',
  requireSession,
  pathParams(caseIdParamSchema),
  jsonBody(createPortalLinkRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const now = Date.now();
    const { caseRow } = await requireCaseHolder(db, c.req.valid('param').id, session.user.id, now, 'write');
    requireCertified(session.user, 'send a portal link');
    if (caseRow.status === 'archived')
      throw new ApiError(409, 'case_archived', 'an archived case is read-only');
    const body = c.req.valid('json');
    requirePortalForm(body.form);
    const { token, hash } = newToken();
    const link = {
      id: crypto.randomUUID(),
      caseId: caseRow.id,
      form: body.form,
      epoch: caseRow.currentEpoch,
      tokenHash: hash,
      submissionId: crypto.randomUUID(),
      createdBy: session.user.id,
      createdAt: now,
      expiresAt: now + body.expiresInHours * HOUR_MS,
      revokedAt: null,
      submittedAt: null,
    };
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'portal.link_created',
        subject: caseRow.id,
        details: { link: link.id, form: link.form, epoch: link.epoch, expiresAt: link.expiresAt },
      },
      () => [db.insert(portalLinks).values(link)],
    );
    return c.json({ link: toPortalLinkView(link, caseRow, now), token }, 201);
  },
);

casePortalRoutes.get('/:id/portal', requireSession, pathParams(caseIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const now = Date.now();
  const caseId = c.req.valid('param').id;
  const [caseRows, mine, links, submissions] = await db.batch([
    ...caseHolderQueries(db, caseId, session.user.id),
    db.select().from(portalLinks).where(eq(portalLinks.caseId, caseId)).orderBy(desc(portalLinks.createdAt)),
    db
      .select()
      .from(portalSubmissions)
      .where(eq(portalSubmissions.caseId, caseId))
      .orderBy(desc(portalSubmissions.submittedAt)),
  ]);
  const { caseRow } = judgeCaseHolder(caseRows, mine, now);
  // Only waiting submissions carry their sealed answers, so only their reads are ciphertext reads.
  const waiting = submissions.filter((row) => row.filedAt === null);
  if (waiting.length > 0) {
    await commitAudited(db, session.org.id, {
      actor: session.user.id,
      type: 'portal.submissions_read',
      subject: caseRow.id,
      details: { submissions: waiting.map((row) => row.id) },
    });
  }
  return c.json({
    links: links.map((link) => toPortalLinkView(link, caseRow, now)),
    submissions: submissions.map(toPortalSubmissionView),
  });
});

casePortalRoutes.delete(
  '/:id/portal/links/:linkId',
  requireSession,
  pathParams(portalLinkParamSchema),
  async (c) => {
    const { db, session } = c.var;
    const now = Date.now();
    const { id, linkId } = c.req.valid('param');
    const [caseRows, mine, [link]] = await db.batch([
      ...caseHolderQueries(db, id, session.user.id),
      db
        .select()
        .from(portalLinks)
        .where(and(eq(portalLinks.id, linkId), eq(portalLinks.caseId, id)))
        .limit(1),
    ]);
    const { caseRow } = judgeCaseHolder(caseRows, mine, now, 'write');
    if (!link) throw new ApiError(404, 'not_found', 'no such link on this case');
    if (toPortalLinkView(link, caseRow, now).status !== 'open') {
      throw new ApiError(409, 'conflict', 'only an open link can be withdrawn');
    }
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'portal.link_revoked',
        subject: caseRow.id,
        details: { link: link.id },
      },
      () => [
        db
          .update(portalLinks)
          .set({ revokedAt: now })
          .where(and(eq(portalLinks.id, link.id), isNull(portalLinks.submittedAt))),
      ],
    );
    return c.json({ ok: true as const });
  },
);

const submissionQuery = (db: Db, caseId: string, submissionId: string) =>
  db
    .select()
    .from(portalSubmissions)
    .where(and(eq(portalSubmissions.id, submissionId), eq(portalSubmissions.caseId, caseId)))
    .limit(1);

/** A submission on this case that nobody has filed yet: what filing and discarding act on. */
function waitingSubmission(rows: readonly PortalSubmissionRow[]) {
  const [submission] = rows;
  if (!submission) throw new ApiError(404, 'not_found', 'no such submission on this case');
  if (submission.filedAt !== null) throw new ApiError(409, 'already_filed', 'this submission is filed');
  return submission;
}

/**
 * A key holder's browser opened the sealed answers, checked them against the form and the
 * operational part, and appended them to the case as a signed record with the submission's id
 * (PROTOCOL §6); this marks the submission filed, which needs that record to exist.
 */
casePortalRoutes.post(
  '/:id/portal/submissions/:submissionId/filed',
  requireSession,
  pathParams(portalSubmissionParamSchema),
  async (c) => {
    const { db, session } = c.var;
    const now = Date.now();
    const { id, submissionId } = c.req.valid('param');
    const [caseRows, mine, submissions, [record]] = await db.batch([
      ...caseHolderQueries(db, id, session.user.id),
      submissionQuery(db, id, submissionId),
      db
        .select({ form: caseRecords.form })
        .from(caseRecords)
        .where(and(eq(caseRecords.caseId, id), eq(caseRecords.recordId, submissionId)))
        .limit(1),
    ]);
    const { caseRow } = judgeCaseHolder(caseRows, mine, now, 'write');
    const submission = waitingSubmission(submissions);
    if (record?.form !== submission.form) {
      throw new ApiError(409, 'not_filed', 'append the record with this submission’s id and form first');
    }
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'portal.submission_filed',
        subject: caseRow.id,
        details: { submission: submission.id, form: submission.form },
      },
      () => [
        db
          .update(portalSubmissions)
          .set({ filedAt: now, filedBy: session.user.id })
          .where(and(eq(portalSubmissions.id, submission.id), isNull(portalSubmissions.filedAt))),
      ],
    );
    return c.json(toPortalSubmissionView({ ...submission, filedAt: now, filedBy: session.user.id }));
  },
);

/**
 * A waiting submission a key holder will not file (it fails its checks, or the client sent it by
 * mistake) is deleted; the audit chain keeps that it existed and who discarded it.
 */
casePortalRoutes.delete(
  '/:id/portal/submissions/:submissionId',
  requireSession,
  pathParams(portalSubmissionParamSchema),
  async (c) => {
    const { db, session } = c.var;
    const now = Date.now();
    const { id, submissionId } = c.req.valid('param');
    const [caseRows, mine, submissions] = await db.batch([
      ...caseHolderQueries(db, id, session.user.id),
      submissionQuery(db, id, submissionId),
    ]);
    const { caseRow } = judgeCaseHolder(caseRows, mine, now, 'write');
    const submission = waitingSubmission(submissions);
    await commitAudited(
      db,
      session.org.id,
      {
        actor: session.user.id,
        type: 'portal.submission_discarded',
        subject: caseRow.id,
        details: { submission: submission.id, form: submission.form },
      },
      () => [
        db
          .delete(portalSubmissions)
          .where(and(eq(portalSubmissions.id, submission.id), isNull(portalSubmissions.filedAt))),
      ],
    );
    return c.json({ ok: true as const });
  },
);

/**
 * The client's side, without an account: the token (from the link's fragment) is the only
 * credential, and it opens one form of one case once. Nothing here says who the client is.
 */
export const portalRoutes = new Hono<AppEnv>();

portalRoutes.post('/open', jsonBody(portalTokenRequestSchema), async (c) => {
  const { db } = c.var;
  const now = Date.now();
  const { link, caseRow } = await requireOpenPortalLink(db, c.req.valid('json').token, now);
  const [orgRow, [epoch]] = await Promise.all([
    requireOrg(db),
    db
      .select({ inboxPk: caseEpochs.inboxPk })
      .from(caseEpochs)
      .where(and(eq(caseEpochs.caseId, caseRow.id), eq(caseEpochs.epoch, link.epoch)))
      .limit(1),
  ]);
  if (!epoch) throw new ApiError(404, 'portal_link_invalid', 'this link is unknown or was withdrawn');
  return c.json({
    form: link.form,
    caseId: caseRow.id,
    submissionId: link.submissionId,
    inboxPk: epoch.inboxPk,
    expiresAt: link.expiresAt,
    orgName: orgRow.name,
  });
});

portalRoutes.post('/submit', jsonBody(portalSubmitRequestSchema), async (c) => {
  const { db } = c.var;
  const now = Date.now();
  const body = c.req.valid('json');
  const orgRow = await requireOrg(db);
  const { link, caseRow, form } = await requireOpenPortalLink(db, body.token, now);
  assertPortalOperational(form, body.operational);
  try {
    await commitAudited(
      db,
      orgRow.id,
      {
        actor: null,
        type: 'portal.submitted',
        subject: caseRow.id,
        details: { link: link.id, submission: link.submissionId, form: link.form },
      },
      () => [
        db.insert(portalSubmissions).values({
          id: link.submissionId,
          linkId: link.id,
          caseId: caseRow.id,
          form: link.form,
          epoch: link.epoch,
          enc: body.enc,
          ct: body.ct,
          operational: JSON.stringify(body.operational),
          submittedAt: now,
        }),
        db.update(portalLinks).set({ submittedAt: now }).where(eq(portalLinks.id, link.id)),
        eventStatement(db, {
          type: 'survey.submitted',
          subject: caseRow.id,
          caseId: caseRow.id,
          payload: { submissionId: link.submissionId, form: link.form, operational: body.operational },
        }),
      ],
    );
  } catch (error) {
    if (isUniqueViolation(error, 'portal_submissions.')) {
      throw new ApiError(410, 'portal_link_used', 'this link has already been used');
    }
    throw error;
  }
  processEventsAfterCommit(c);
  return c.json({ ok: true as const, submittedAt: now }, 201);
});
