import { z } from './zod.js';

/** DESIGN §1: the people who use Tacit. A user may hold several roles. */
export const ROLES = ['admin', 'director', 'supervisor', 'counselor', 'frontdesk', 'finance'] as const;

export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const rolesSchema = z
  .array(roleSchema)
  .min(1, { error: 'at least one role is required' })
  .refine((roles) => new Set(roles).size === roles.length, { error: 'roles must not repeat' });
