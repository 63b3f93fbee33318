import { displayNameSchema, emailSchema, fixedBytes, idSchema, publicKey } from './encoding.js';
import { rolesSchema } from './roles.js';
import { newAccountSchema } from './setup.js';
import { z } from './zod.js';

/** The token travels only in the link's fragment (`/invite#token=…`), never in a server log. */
export const invitationTokenSchema = fixedBytes('invitation token', 32);

export const createInvitationRequestSchema = z.object({
  email: emailSchema,
  roles: rolesSchema,
  displayName: displayNameSchema.optional(),
});
export type CreateInvitationRequest = z.input<typeof createInvitationRequestSchema>;
export const createInvitationResponseSchema = z.object({ id: idSchema, expiresAt: z.int() });
export type CreateInvitationResponse = z.infer<typeof createInvitationResponseSchema>;

export const invitationStatusSchema = z.enum(['pending', 'accepted', 'revoked', 'expired']);
export const invitationViewSchema = z.object({
  id: idSchema,
  email: emailSchema,
  roles: rolesSchema,
  displayName: z.string().nullable(),
  status: invitationStatusSchema,
  invitedBy: idSchema,
  createdAt: z.int(),
  expiresAt: z.int(),
  acceptedAt: z.int().nullable(),
  acceptedUserId: idSchema.nullable(),
});
export type InvitationView = z.infer<typeof invitationViewSchema>;
export const invitationListSchema = z.object({ invitations: z.array(invitationViewSchema) });
export type InvitationList = z.infer<typeof invitationListSchema>;

export const invitationLookupRequestSchema = z.object({ token: invitationTokenSchema });
export type InvitationLookupRequest = z.input<typeof invitationLookupRequestSchema>;
export const invitationLookupResponseSchema = z.object({
  email: emailSchema,
  roles: rolesSchema,
  displayName: z.string().nullable(),
  orgName: z.string(),
  rootPk: publicKey('org root public key'),
});
export type InvitationLookupResponse = z.infer<typeof invitationLookupResponseSchema>;

export const acceptInvitationRequestSchema = z.object({
  token: invitationTokenSchema,
  user: newAccountSchema,
});
export type AcceptInvitationRequest = z.input<typeof acceptInvitationRequestSchema>;

export const invitationIdParamSchema = z.object({ id: idSchema });
