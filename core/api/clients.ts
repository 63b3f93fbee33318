import { idSchema, opaqueBytes } from './encoding.js';
import { contactWrapSchema, contactWrapViewSchema } from './key-wraps.js';
import { z } from './zod.js';

/**
 * Clients (DESIGN §2, two compartments): the contact card (name, phone, email, emergency contact)
 * is one envelope under the contact-card key, which is wrapped to the front-desk group and to the
 * case's clinicians. The server sees only how the client reached the center.
 */

export const MAX_CONTACT_ENVELOPE_BYTES = 16 * 1024;

export const CLIENT_CHANNELS = ['website', 'phone', 'walk_in', 'referral', 'email', 'other'] as const;
export const clientChannelSchema = z.enum(CLIENT_CHANNELS);

export const createClientRequestSchema = z.object({
  id: idSchema,
  channel: clientChannelSchema.optional(),
  contactEnvelope: opaqueBytes('contact envelope', MAX_CONTACT_ENVELOPE_BYTES),
  wraps: z.array(contactWrapSchema).min(1).max(50),
});
export type CreateClientRequest = z.input<typeof createClientRequestSchema>;

/** More wraps of the current contact-card key, by someone who holds it (e.g. to a matched counselor). */
export const addContactWrapsRequestSchema = z.object({
  epoch: z.int().nonnegative(),
  wraps: z.array(contactWrapSchema).min(1).max(50),
});
export type AddContactWrapsRequest = z.input<typeof addContactWrapsRequestSchema>;

export const clientSummarySchema = z.object({
  id: idSchema,
  channel: clientChannelSchema.nullable(),
  contactEpoch: z.int().nonnegative(),
  createdBy: idSchema,
  createdAt: z.int(),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;
export const clientListSchema = z.object({ clients: z.array(clientSummarySchema) });
export type ClientList = z.infer<typeof clientListSchema>;

/** The card and the wraps the caller can open: to them, or to a group they belong to. */
export const clientViewSchema = clientSummarySchema.extend({
  contactEnvelope: opaqueBytes('contact envelope', MAX_CONTACT_ENVELOPE_BYTES),
  wraps: z.array(contactWrapViewSchema),
});
export type ClientView = z.infer<typeof clientViewSchema>;

export const clientIdParamSchema = z.object({ id: idSchema });

/** Every card the caller can open (the front desk's client list), each with its usable wraps. */
export const clientCardListSchema = z.object({ cards: z.array(clientViewSchema) });
export type ClientCardList = z.infer<typeof clientCardListSchema>;
