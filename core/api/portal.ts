import { formRefSchema, operationalFieldsSchema } from './case-records.js';
import { fixedBytes, idSchema, opaqueBytes, publicKey } from './encoding.js';
import { z } from './zod.js';

/**
 * The client portal (issue 5, PROTOCOL §7): a case key holder makes a one-time link for one form
 * of one case; the client, without an account, seals the answers in their browser to the case
 * inbox key and sends them with the form's operational part, which the server checks against the
 * form. The token is stored only as its SHA-256.
 */

/** The built-in forms a client may fill through a link (consent joins when its template exists). */
export const PORTAL_FORM_IDS = ['informed-consent', 'phq-9', 'gad-7', 'satisfaction-survey'] as const;

export const PORTAL_LINK_DEFAULT_HOURS = 72;
export const PORTAL_LINK_MAX_HOURS = 14 * 24;
/** The sealed answers: a drawn consent signature (≤ 300 000 characters) fits with room to spare. */
export const MAX_PORTAL_SUBMISSION_BYTES = 512 * 1024;

export const createPortalLinkRequestSchema = z.object({
  form: formRefSchema,
  expiresInHours: z.int().min(1).max(PORTAL_LINK_MAX_HOURS).default(PORTAL_LINK_DEFAULT_HOURS),
});
export type CreatePortalLinkRequest = z.input<typeof createPortalLinkRequestSchema>;

export const PORTAL_LINK_STATUSES = ['open', 'submitted', 'expired', 'revoked', 'outdated'] as const;

export const portalLinkViewSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  form: formRefSchema,
  /** the case key epoch whose inbox key the answers are sealed to */
  epoch: z.int().nonnegative(),
  createdBy: idSchema,
  createdAt: z.int(),
  expiresAt: z.int(),
  /** `outdated`: the case key was rotated since, so the link no longer accepts answers */
  status: z.enum(PORTAL_LINK_STATUSES),
});
export type PortalLinkView = z.infer<typeof portalLinkViewSchema>;

/** The token is shown once, to the key holder who made the link. */
export const createPortalLinkResponseSchema = z.object({ link: portalLinkViewSchema, token: z.string() });

export const portalTokenSchema = fixedBytes('portal token', 32);
export const portalTokenRequestSchema = z.object({ token: portalTokenSchema });

/** What the client's browser needs to fill and seal: the form's name, the case, its inbox key. */
export const portalFormViewSchema = z.object({
  form: formRefSchema,
  caseId: idSchema,
  submissionId: idSchema,
  inboxPk: publicKey('case inbox public key'),
  expiresAt: z.int(),
  orgName: z.string(),
});
export type PortalFormView = z.infer<typeof portalFormViewSchema>;

export const portalSubmitRequestSchema = z.object({
  token: portalTokenSchema,
  /** HPKE encapsulated key and ciphertext, info `tacit/1/inbox|case=…|submission=<id>` */
  enc: publicKey('sealed submission enc'),
  ct: opaqueBytes('sealed submission', MAX_PORTAL_SUBMISSION_BYTES),
  operational: operationalFieldsSchema,
});
export type PortalSubmitRequest = z.input<typeof portalSubmitRequestSchema>;

export const portalSubmissionViewSchema = z.object({
  id: idSchema,
  linkId: idSchema,
  form: formRefSchema,
  epoch: z.int().nonnegative(),
  /** the sealed answers, while they wait; once filed, the signed record holds them */
  enc: z.string().nullable(),
  ct: z.string().nullable(),
  operational: z.record(z.string(), z.json()),
  submittedAt: z.int(),
  /** set once a key holder filed it into the case as a signed record with the same id */
  filedAt: z.int().nullable(),
  filedBy: idSchema.nullable(),
});
export type PortalSubmissionView = z.infer<typeof portalSubmissionViewSchema>;

export const casePortalViewSchema = z.object({
  links: z.array(portalLinkViewSchema),
  submissions: z.array(portalSubmissionViewSchema),
});
export type CasePortalView = z.infer<typeof casePortalViewSchema>;

export const portalLinkParamSchema = z.object({ id: idSchema, linkId: idSchema });
export const portalSubmissionParamSchema = z.object({ id: idSchema, submissionId: idSchema });
