import { idSchema } from './encoding.js';
import { rolesSchema } from './roles.js';
import { certSchema, rootWrapSchema, userViewSchema } from './views.js';
import { z } from './zod.js';

export const userListSchema = z.object({ users: z.array(userViewSchema) });
export type UserList = z.infer<typeof userListSchema>;

export const userIdParamSchema = z.object({ id: idSchema });

export const certifyUserRequestSchema = certSchema;
export type CertifyUserRequest = z.input<typeof certifyUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({ roles: rolesSchema.optional(), status: z.enum(['active', 'disabled']).optional() })
  .refine((body) => body.roles !== undefined || body.status !== undefined, {
    error: 'give roles, status or both',
  });
export type UpdateUserRequest = z.input<typeof updateUserRequestSchema>;

/** An admin names a counselor's supervisor, or clears it with null. */
export const assignSupervisorRequestSchema = z.object({ supervisorId: idSchema.nullable() });
export type AssignSupervisorRequest = z.input<typeof assignSupervisorRequestSchema>;

/** An admin's browser wraps the org root seed to another admin (PROTOCOL §4). */
export const storeRootWrapRequestSchema = rootWrapSchema.extend({ userId: idSchema });
export type StoreRootWrapRequest = z.input<typeof storeRootWrapRequestSchema>;
