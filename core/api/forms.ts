import { formDefinitionSchema } from '../forms/schema.js';
import { idSchema, signature } from './encoding.js';
import { z } from './zod.js';

/**
 * Form definitions an admin designs (issue 5). A form has at most one draft, which only admins
 * see and which changes freely, and any number of published versions, which never change: a
 * record names `<form id>@<version>` and is checked against exactly that version.
 */

export const formIdParamSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { error: 'not a form id' }),
});

export const formVersionParamSchema = formIdParamSchema.extend({
  version: z.coerce.number().int().min(1).max(999_999),
});

/**
 * POST /api/forms (a new form, draft version 1) and PUT /api/forms/:id/draft (the draft of the
 * next version). The server assigns the version: what the body says is replaced.
 */
export const saveFormDraftRequestSchema = z.object({ definition: formDefinitionSchema });
export type SaveFormDraftRequest = z.input<typeof saveFormDraftRequestSchema>;

export const formDraftSavedSchema = z.object({ id: z.string(), version: z.int().min(1) });
export type FormDraftSaved = z.infer<typeof formDraftSavedSchema>;

/**
 * POST /api/forms/:id/publish: the draft version the admin looked at, so a newer save is not
 * published unseen, and their signature over it (crypto/form-version.ts): browsers use a stored
 * version only if a certified admin signed exactly that definition.
 */
export const publishFormRequestSchema = z.object({
  version: z.int().min(1),
  sig: signature('form version signature'),
});
export type PublishFormRequest = z.input<typeof publishFormRequestSchema>;
export const formPublishedSchema = z.object({ ref: z.string(), publishedAt: z.int() });
export type FormPublished = z.infer<typeof formPublishedSchema>;

export const formSourceSchema = z.enum(['designer', 'template']);

export const formVersionSummarySchema = z.object({
  version: z.int().min(1),
  publishedAt: z.int(),
  publishedBy: idSchema,
});

/** GET /api/forms (admins): every form stored here, its published versions and its draft. */
export const formSummarySchema = z.object({
  id: z.string(),
  /** of the draft if there is one, else of the latest version */
  title: z.object({ 'zh-CN': z.string(), en: z.string() }),
  source: formSourceSchema,
  versions: z.array(formVersionSummarySchema),
  draft: z.object({ version: z.int().min(1), updatedAt: z.int() }).nullable(),
});
export type FormSummary = z.infer<typeof formSummarySchema>;
export const formListSchema = z.object({ forms: z.array(formSummarySchema) });

/** Who published a designed version and their signature over it; null for drafts and templates. */
export const formSignatureSchema = z.object({ by: idSchema, sig: signature('form version signature') });
export type FormSignature = z.infer<typeof formSignatureSchema>;

/** A published version as the server serves it: the browser checks it before using it. */
export const servedFormVersionSchema = z.object({
  definition: formDefinitionSchema,
  source: formSourceSchema,
  signature: formSignatureSchema.nullable(),
});
export type ServedFormVersion = z.infer<typeof servedFormVersionSchema>;

/** GET /api/forms/published (anyone signed in): the latest published version of every stored form. */
export const publishedFormsSchema = z.object({ forms: z.array(servedFormVersionSchema) });

/** GET /api/forms/:id/versions/:version and GET /api/forms/:id/draft. */
export const formVersionViewSchema = servedFormVersionSchema.extend({
  updatedAt: z.int(),
  publishedAt: z.int().nullable(),
});
export type FormVersionView = z.infer<typeof formVersionViewSchema>;
