import { isTimeZone, parseLocalDate } from '../schedule/zoned-time.js';
import { serviceTypeSchema } from './cases.js';
import { idSchema } from './encoding.js';
import { z } from './zod.js';

/**
 * What a schedule is made of (issue 7): the institution's time zone, rooms, services, counselors'
 * weekly shifts with exceptions, and leave. All operational: no client appears here.
 */

export type ServiceType = z.infer<typeof serviceTypeSchema>;

export const timeZoneSchema = z.string().refine(isTimeZone, { error: 'must be an IANA time zone name' });
export const timeZoneSettingSchema = z.object({ timeZone: timeZoneSchema });
export type TimeZoneSetting = z.infer<typeof timeZoneSettingSchema>;

/** Labels an administrator chooses ("Room 3", "Individual 50 min"), never client data. */
const labelSchema = z.string().trim().min(1).max(60);

export const createRoomRequestSchema = z.object({ name: labelSchema });
export const updateRoomRequestSchema = z
  .object({ name: labelSchema.optional(), active: z.boolean().optional() })
  .refine((body) => body.name !== undefined || body.active !== undefined, { error: 'nothing to change' });
export const roomViewSchema = z.object({ id: idSchema, name: z.string(), active: z.boolean() });
export type RoomView = z.infer<typeof roomViewSchema>;
export type CreateRoomRequest = z.input<typeof createRoomRequestSchema>;
export type UpdateRoomRequest = z.input<typeof updateRoomRequestSchema>;

export const MAX_APPOINTMENT_MINUTES = 480;
export const durationSchema = z.int().min(5).max(MAX_APPOINTMENT_MINUTES);
/** Fees in the smallest currency unit (fen, cents): integers, so sums in reports are exact. */
export const feeSchema = z.int().min(0).max(100_000_000);

export const createServiceRequestSchema = z.object({
  name: labelSchema,
  serviceType: serviceTypeSchema,
  durationMinutes: durationSchema,
  feeCents: feeSchema,
});
export const updateServiceRequestSchema = z
  .object({
    name: labelSchema.optional(),
    durationMinutes: durationSchema.optional(),
    feeCents: feeSchema.optional(),
    active: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { error: 'nothing to change' });
export const serviceViewSchema = createServiceRequestSchema.extend({ id: idSchema, active: z.boolean() });
export type ServiceView = z.infer<typeof serviceViewSchema>;
export type CreateServiceRequest = z.input<typeof createServiceRequestSchema>;
export type UpdateServiceRequest = z.input<typeof updateServiceRequestSchema>;

/** Minutes after local midnight; a window ends at most at the next midnight (1440). */
const windowSchema = z
  .object({ startMinute: z.int().min(0).max(1439), endMinute: z.int().min(1).max(1440) })
  .refine((window) => window.endMinute > window.startMinute, { error: 'a window must end after it starts' });

export const shiftSchema = z.object({ weekday: z.int().min(1).max(7) }).and(windowSchema);
export type Shift = z.infer<typeof shiftSchema>;
export const weeklyShiftsSchema = z.object({ shifts: z.array(shiftSchema).max(50) });
export type WeeklyShifts = z.input<typeof weeklyShiftsSchema>;

export const localDateSchema = z
  .string()
  .refine((text) => parseLocalDate(text) !== null, { error: 'must be a date as YYYY-MM-DD' });

/** One date's change to the weekly pattern: hours blocked, or extra hours. */
export const EXCEPTION_KINDS = ['blocked', 'extra'] as const;
export const createExceptionRequestSchema = z
  .object({ date: localDateSchema, kind: z.enum(EXCEPTION_KINDS) })
  .and(windowSchema);
export type CreateExceptionRequest = z.input<typeof createExceptionRequestSchema>;
export const exceptionViewSchema = z
  .object({ id: idSchema, counselorId: idSchema, date: z.string(), kind: z.enum(EXCEPTION_KINDS) })
  .and(windowSchema);
export type AvailabilityException = z.infer<typeof exceptionViewSchema>;

export const counselorParamSchema = z.object({ counselorId: idSchema });
export const idParamSchema = z.object({ id: idSchema });

/** Leave reasons are categories; a free-text explanation would be identifying and is not kept. */
export const LEAVE_REASONS = ['annual', 'sick', 'personal', 'training', 'other'] as const;
export const LEAVE_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];
export const MAX_LEAVE_DAYS = 90;

export const createLeaveRequestSchema = z
  .object({ startAt: z.int().positive(), endAt: z.int().positive(), reason: z.enum(LEAVE_REASONS) })
  .refine((leave) => leave.endAt > leave.startAt, { error: 'leave must end after it starts' })
  .refine((leave) => leave.endAt - leave.startAt <= MAX_LEAVE_DAYS * 86_400_000, {
    error: `leave may last at most ${MAX_LEAVE_DAYS} days`,
  });
export type CreateLeaveRequest = z.input<typeof createLeaveRequestSchema>;
export const leaveDecisionSchema = z.object({ decision: z.enum(['approved', 'rejected']) });
export type LeaveDecision = z.infer<typeof leaveDecisionSchema>['decision'];
export const leaveViewSchema = z.object({
  id: idSchema,
  counselorId: idSchema,
  startAt: z.int(),
  endAt: z.int(),
  reason: z.enum(LEAVE_REASONS),
  status: z.enum(LEAVE_STATUSES),
  requestedAt: z.int(),
  decidedBy: idSchema.nullable(),
  decidedAt: z.int().nullable(),
  /** On approval: the counselor's booked appointments that now fall in the leave. */
  overlapping: z.array(idSchema).optional(),
});
export type LeaveView = z.infer<typeof leaveViewSchema>;

export const counselorViewSchema = z.object({ id: idSchema, displayName: z.string() });
export type CounselorView = z.infer<typeof counselorViewSchema>;
