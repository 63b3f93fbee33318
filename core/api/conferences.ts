import { fixedBytes, idSchema, opaqueBytes, signature } from './encoding.js';
import { expirySchema, wrappedKeySchema } from './key-wraps.js';
import { z } from './zod.js';

/**
 * Case conferences (会诊, issue 14; crypto/README.md "case conferences"). The server stores ids,
 * epochs, times, wrapped keys and ciphertext only: any title and every message body are inside
 * envelopes sealed in the browser under the conference key.
 */

/** A conference key wrap as a browser uploads it (the epoch and granter come from the request). */
export const conferenceWrapSchema = wrappedKeySchema.extend({
  to: idSchema,
  expiresAt: expirySchema,
});
export type ConferenceWrap = z.input<typeof conferenceWrapSchema>;

export const MAX_CONFERENCE_PARTICIPANTS = 50;
/** A message envelope: 58-byte header + up to 64 KiB of plaintext + 16-byte tag. */
export const MAX_CONFERENCE_MESSAGE_BYTES = 58 + 65_536 + 16;

/**
 * POST /api/conferences: a live key holder of the case opens a conference at epoch 1, uploading
 * one wrap per participant, the caller's own included. Every wrap carries the conference's expiry.
 */
export const openConferenceRequestSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  expiresAt: expirySchema,
  wraps: z.array(conferenceWrapSchema).min(2).max(MAX_CONFERENCE_PARTICIPANTS),
});
export type OpenConferenceRequest = z.input<typeof openConferenceRequestSchema>;

export const conferenceIdParamSchema = z.object({ id: idSchema });
export const conferenceParticipantParamSchema = z.object({ id: idSchema, userId: idSchema });

export const conferenceParticipantViewSchema = z.object({
  userId: idSchema,
  addedBy: idSchema,
  addedAt: z.int(),
});

export const conferenceViewSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  createdBy: idSchema,
  epoch: z.int().positive(),
  rotationDue: z.boolean(),
  expiresAt: z.int().nonnegative(),
  createdAt: z.int(),
  participants: z.array(conferenceParticipantViewSchema),
  unread: z.int().nonnegative(),
});
export type ConferenceView = z.infer<typeof conferenceViewSchema>;
export const conferenceListSchema = z.object({ conferences: z.array(conferenceViewSchema) });

export const conferenceWrapViewSchema = conferenceWrapSchema.extend({
  epoch: z.int().positive(),
  byUserId: idSchema,
});
export const conferenceChainLinkSchema = z.object({
  epoch: z.int().positive(),
  envelope: z.string(),
});

/** GET /api/conferences/:id/keys: the caller's own wraps and the chain (epoch e under e+1). */
export const conferenceKeysSchema = z.object({
  conference: conferenceViewSchema,
  wraps: z.array(conferenceWrapViewSchema),
  chain: z.array(conferenceChainLinkSchema),
});

/**
 * POST /api/conferences/:id/messages: an envelope under the current epoch's key, signed by the
 * caller. `mentions` are participants' user ids, told through the notification center (never the
 * text).
 */
export const postConferenceMessageRequestSchema = z.object({
  id: idSchema,
  epoch: z.int().positive(),
  envelope: opaqueBytes('message envelope', MAX_CONFERENCE_MESSAGE_BYTES),
  sig: signature('message signature'),
  mentions: z.array(idSchema).max(MAX_CONFERENCE_PARTICIPANTS).default([]),
});
export type PostConferenceMessageRequest = z.input<typeof postConferenceMessageRequestSchema>;
export const postConferenceMessageResponseSchema = z.object({ id: idSchema });

export const conferenceMessageViewSchema = z.object({
  id: idSchema,
  seq: z.int().positive(),
  epoch: z.int().positive(),
  authorId: idSchema,
  envelope: z.string(),
  sig: z.string(),
  createdAt: z.int(),
});
export const conferenceMessagesSchema = z.object({ messages: z.array(conferenceMessageViewSchema) });

/**
 * GET /api/conferences/:id/messages?peek=1: read without moving the caller's unread marker (the
 * browser's search indexes threads the person has not read yet). Reading is audited either way.
 */
export const conferenceMessagesQuerySchema = z.strictObject({ peek: z.literal('1').optional() });

/** POST /api/conferences/:id/participants: a participant wraps the current epoch to a colleague. */
export const addConferenceParticipantRequestSchema = z.object({
  epoch: z.int().positive(),
  wrap: conferenceWrapSchema,
});
export type AddConferenceParticipantRequest = z.input<typeof addConferenceParticipantRequestSchema>;

/**
 * POST /api/conferences/:id/rotate: after a removal, epoch e+1 wrapped to every remaining
 * participant (same expiry as before) and epoch e's key under e+1's.
 */
export const rotateConferenceRequestSchema = z.object({
  epoch: z.int().positive(),
  chain: fixedBytes('key chain envelope', 106),
  wraps: z.array(conferenceWrapSchema).min(1).max(MAX_CONFERENCE_PARTICIPANTS),
});
export type RotateConferenceRequest = z.input<typeof rotateConferenceRequestSchema>;
