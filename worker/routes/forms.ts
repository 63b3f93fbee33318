import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  type FormSummary,
  formIdParamSchema,
  formVersionParamSchema,
  publishFormRequestSchema,
  saveFormDraftRequestSchema,
} from '../../core/api/forms.js';
import { type FormDefinition, formRef } from '../../core/forms/schema.js';
import { BUILT_IN_FORMS } from '../../core/forms/templates/index.js';
import { fromBase64Url } from '../../crypto/bytes.js';
import { verifyFormVersionSync } from '../../crypto/form-version.js';
import { commitAudited } from '../audit.js';
import { refuseDuplicate } from '../db/client.js';
import { type FormVersionRow, formVersions } from '../db/schema.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import {
  definitionOf,
  draftQuery,
  findDraft,
  findPublishedForm,
  findPublishedRow,
  latestStoredQuery,
  latestStoredVersion,
  servedVersionOf,
  versionAfter,
} from '../form-versions.js';
import { requireCertified } from '../key-wraps.js';
import { requireRoles, requireSession } from '../middleware/session.js';
import { jsonBody, pathParams } from '../validation.js';

/**
 * Form definitions (issue 5). Admins create and edit a form's draft and publish it as the next
 * version; a published version never changes (the routes never touch one, and a trigger in the
 * migration refuses it). Anyone signed in reads published versions to fill and show records.
 */
export const formRoutes = new Hono<AppEnv>();

const requireAdmin = requireRoles('admin');
const isShipped = (id: string) => BUILT_IN_FORMS.some((form) => form.id === id);
const conflict = () =>
  new ApiError(409, 'conflict', 'someone else changed this form at the same time; reload it');

formRoutes.get('/', requireAdmin, async (c) => {
  const rows = await c.var.db
    .select()
    .from(formVersions)
    .orderBy(asc(formVersions.formId), asc(formVersions.version));
  const byForm = new Map<string, FormVersionRow[]>();
  for (const row of rows) byForm.set(row.formId, [...(byForm.get(row.formId) ?? []), row]);
  const forms: FormSummary[] = [...byForm.entries()].map(([id, versions]) => {
    const latest = versions.at(-1) as FormVersionRow;
    const draft = versions.find((row) => row.publishedAt === null);
    return {
      id,
      title: definitionOf(latest).title,
      source: latest.source,
      versions: versions
        .filter((row) => row.publishedAt !== null)
        .map((row) => ({
          version: row.version,
          publishedAt: row.publishedAt as number,
          publishedBy: row.publishedBy as string,
        })),
      draft: draft ? { version: draft.version, updatedAt: draft.updatedAt } : null,
    };
  });
  return c.json({ forms });
});

/** The catalog counselors pick from: the latest published version of every stored form. */
formRoutes.get('/published', requireSession, async (c) => {
  const rows = await c.var.db
    .select()
    .from(formVersions)
    .where(isNotNull(formVersions.publishedAt))
    .orderBy(asc(formVersions.formId), asc(formVersions.version));
  const latest = new Map<string, FormVersionRow>();
  for (const row of rows) latest.set(row.formId, row);
  return c.json({ forms: [...latest.values()].map(servedVersionOf) });
});

formRoutes.get('/:id/versions/:version', requireSession, pathParams(formVersionParamSchema), async (c) => {
  const { id, version } = c.req.valid('param');
  const row = await findPublishedRow(c.var.db, id, version);
  if (row) return c.json({ ...servedVersionOf(row), updatedAt: row.updatedAt, publishedAt: row.publishedAt });
  const shipped = await findPublishedForm(c.var.db, id, version);
  if (!shipped) throw new ApiError(404, 'not_found', `no published form ${id}@${version}`);
  return c.json({ definition: shipped, source: 'template', signature: null, updatedAt: 0, publishedAt: 0 });
});

formRoutes.get('/:id/draft', requireAdmin, pathParams(formIdParamSchema), async (c) => {
  const { id } = c.req.valid('param');
  const draft = await findDraft(c.var.db, id);
  if (!draft) throw new ApiError(404, 'no_draft', `form ${id} has no draft`);
  return c.json({
    definition: definitionOf(draft),
    source: draft.source,
    signature: null,
    updatedAt: draft.updatedAt,
    publishedAt: null,
  });
});

/** A new form: its first draft. The id must be new to this center and to Tacit's templates. */
formRoutes.post('/', requireAdmin, jsonBody(saveFormDraftRequestSchema), async (c) => {
  const { db, session } = c.var;
  const { definition } = c.req.valid('json');
  if (isShipped(definition.id) || (await latestStoredVersion(db, definition.id))) {
    throw new ApiError(
      409,
      'form_exists',
      `a form with the id ${definition.id} exists; edit its draft instead`,
    );
  }
  const draft = { ...definition, version: 1 };
  const now = Date.now();
  await refuseDuplicate('form_versions', conflict, () =>
    commitAudited(
      db,
      session.org.id,
      { actor: session.user.id, type: 'form.draft_saved', subject: draft.id, details: { version: 1 } },
      () => [
        db.insert(formVersions).values({
          formId: draft.id,
          version: 1,
          definition: JSON.stringify(draft),
          source: 'designer',
          createdBy: session.user.id,
          updatedAt: now,
        }),
      ],
    ),
  );
  return c.json({ id: draft.id, version: 1 }, 201);
});

/** Saves the draft, starting the next version's draft when there is none. */
formRoutes.put(
  '/:id/draft',
  requireAdmin,
  pathParams(formIdParamSchema),
  jsonBody(saveFormDraftRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const { id } = c.req.valid('param');
    const { definition } = c.req.valid('json');
    if (definition.id !== id) {
      throw new ApiError(400, 'invalid_request', `the definition's id ${definition.id} is not ${id}`);
    }
    const [[existing], [latest]] = await db.batch([draftQuery(db, id), latestStoredQuery(db, id)]);
    if (!existing && !isShipped(id) && !latest) {
      throw new ApiError(404, 'not_found', `no form ${id}; create it first`);
    }
    const version = existing?.version ?? versionAfter(latest, id);
    const draft: FormDefinition = { ...definition, version };
    const now = Date.now();
    await refuseDuplicate('form_versions', conflict, () =>
      commitAudited(
        db,
        session.org.id,
        { actor: session.user.id, type: 'form.draft_saved', subject: id, details: { version } },
        () => [
          existing
            ? db
                .update(formVersions)
                .set({ definition: JSON.stringify(draft), updatedAt: now })
                .where(
                  and(
                    eq(formVersions.formId, id),
                    eq(formVersions.version, version),
                    isNull(formVersions.publishedAt),
                  ),
                )
            : db.insert(formVersions).values({
                formId: id,
                version,
                definition: JSON.stringify(draft),
                source: 'designer',
                createdBy: session.user.id,
                updatedAt: now,
              }),
        ],
      ),
    );
    return c.json({ id, version }, existing ? 200 : 201);
  },
);

formRoutes.delete('/:id/draft', requireAdmin, pathParams(formIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const { id } = c.req.valid('param');
  const draft = await findDraft(db, id);
  if (!draft) throw new ApiError(404, 'no_draft', `form ${id} has no draft`);
  await commitAudited(
    db,
    session.org.id,
    {
      actor: session.user.id,
      type: 'form.draft_discarded',
      subject: id,
      details: { version: draft.version },
    },
    () => [
      db
        .delete(formVersions)
        .where(
          and(
            eq(formVersions.formId, id),
            eq(formVersions.version, draft.version),
            isNull(formVersions.publishedAt),
          ),
        ),
    ],
  );
  return c.json({ ok: true as const });
});

formRoutes.post(
  '/:id/publish',
  requireAdmin,
  pathParams(formIdParamSchema),
  jsonBody(publishFormRequestSchema),
  async (c) => {
    const { db, session } = c.var;
    const { id } = c.req.valid('param');
    const { version, sig } = c.req.valid('json');
    requireCertified(session.user, 'publish a form');
    const draft = await findDraft(db, id);
    if (!draft || draft.version !== version) {
      throw new ApiError(404, 'no_draft', `form ${id} has no draft version ${version} to publish`);
    }
    const binding = { org: session.org.id, form: id, version, by: session.user.id };
    const signed = verifyFormVersionSync(
      fromBase64Url(session.user.ed25519Pk),
      binding,
      definitionOf(draft),
      fromBase64Url(sig),
    );
    if (!signed) {
      throw new ApiError(
        400,
        'bad_signature',
        'the signature is not yours over this draft as stored; reload the draft and publish again',
      );
    }
    const now = Date.now();
    await commitAudited(
      db,
      session.org.id,
      { actor: session.user.id, type: 'form.published', subject: id, details: { version } },
      () => [
        db
          .update(formVersions)
          .set({ publishedAt: now, publishedBy: session.user.id, signature: sig, updatedAt: now })
          .where(
            and(
              eq(formVersions.formId, id),
              eq(formVersions.version, version),
              isNull(formVersions.publishedAt),
            ),
          ),
      ],
    );
    return c.json({ ref: formRef({ id, version }), publishedAt: now });
  },
);

/** One click: a shipped template becomes a published form of this center, as shipped. */
formRoutes.post('/templates/:id/install', requireAdmin, pathParams(formIdParamSchema), async (c) => {
  const { db, session } = c.var;
  const { id } = c.req.valid('param');
  const shipped = BUILT_IN_FORMS.filter((form) => form.id === id).sort((a, b) => b.version - a.version)[0];
  if (!shipped) throw new ApiError(404, 'not_found', `no template ${id}`);
  const stored = await latestStoredVersion(db, id);
  if (stored && stored.version >= shipped.version) {
    throw new ApiError(409, 'already_installed', `the center already has form ${id}@${stored.version}`);
  }
  const now = Date.now();
  await refuseDuplicate(
    'form_versions',
    () => new ApiError(409, 'already_installed', `template ${id} is already installed`),
    () =>
      commitAudited(
        db,
        session.org.id,
        {
          actor: session.user.id,
          type: 'form.template_installed',
          subject: id,
          details: { version: shipped.version },
        },
        () => [
          db.insert(formVersions).values({
            formId: id,
            version: shipped.version,
            definition: JSON.stringify(shipped),
            source: 'template',
            createdBy: session.user.id,
            updatedAt: now,
            publishedAt: now,
            publishedBy: session.user.id,
          }),
        ],
      ),
  );
  return c.json({ ref: formRef(shipped), publishedAt: now }, 201);
});
