import { serviceTypeSchema } from './cases.js';
import { emailSchema, idSchema } from './encoding.js';
import { z } from './zod.js';

/**
 * Appointments (issue 7). Operational only: who (by id), where, what service, when, the fee and
 * the status. Clients and cases appear as ids; names stay in the encrypted contact card.
 */

export const APPOINTMENT_STATUSES = ['requested', 'confirmed', 'completed', 'no_show', 'cancelled'] as const;
export const appointmentStatusSchema = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

/** The statuses that hold a counselor's and a room's time. */
export const BOOKED_STATUSES = ['requested', 'confirmed'] as const satisfies readonly AppointmentStatus[];

export const APPOINTMENT_TRANSITIONS: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  requested: ['confirmed', 'cancelled'],
  confirmed: ['completed', 'no_show', 'cancelled'],
  completed: [],
  no_show: [],
  cancelled: [],
};

/** Why an appointment was cancelled: categories the reports count, never free text. */
export const CANCEL_REASONS = [
  'client_request',
  'client_late_cancel',
  'counselor_unavailable',
  'illness',
  'rescheduled',
  'other',
] as const;
export const cancelReasonSchema = z.enum(CANCEL_REASONS);
export type CancelReason = z.infer<typeof cancelReasonSchema>;

export const MAX_SERIES_WEEKS = 52;
/** Booked times are on a five-minute grid, like every paper appointment book. */
export const SLOT_MINUTES = 5;
const instantSchema = z
  .int()
  .positive()
  .refine((ms) => ms % (SLOT_MINUTES * 60_000) === 0, {
    error: `must be on a ${SLOT_MINUTES}-minute boundary`,
  });

export const createAppointmentRequestSchema = z.object({
  clientId: idSchema,
  caseId: idSchema.nullable().default(null),
  counselorId: idSchema,
  roomId: idSchema.nullable(),
  serviceId: idSchema,
  startAt: instantSchema,
  status: z.enum(['requested', 'confirmed']).default('confirmed'),
  /** 1 = a single appointment; n = the same local time every week for n weeks. */
  weeks: z.int().min(1).max(MAX_SERIES_WEEKS).default(1),
});
export type CreateAppointmentRequest = z.input<typeof createAppointmentRequestSchema>;

export const rescheduleRequestSchema = z
  .object({
    startAt: instantSchema.optional(),
    roomId: idSchema.nullable().optional(),
    counselorId: idSchema.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { error: 'nothing to change' });
export type RescheduleRequest = z.input<typeof rescheduleRequestSchema>;

export const statusChangeRequestSchema = z
  .object({ status: appointmentStatusSchema, cancelReason: cancelReasonSchema.optional() })
  .refine((body) => (body.status === 'cancelled') === (body.cancelReason !== undefined), {
    error: 'a cancellation needs a reason, and only a cancellation has one',
  });
export type StatusChangeRequest = z.input<typeof statusChangeRequestSchema>;

/** Which part of a weekly series an operation applies to: from this appointment on, or all of it. */
export const SERIES_SCOPES = ['following', 'all'] as const;
export const seriesScopeSchema = z.enum(SERIES_SCOPES);
export type SeriesScope = z.infer<typeof seriesScopeSchema>;

/**
 * Moves the booked appointments of a series together: this one to `startAt`, each other one by
 * the same number of days to the same local time (so the series keeps its wall-clock time across
 * DST). All or none: any conflict refuses the whole move.
 */
export const seriesMoveRequestSchema = z.object({
  scope: seriesScopeSchema,
  startAt: instantSchema,
  roomId: idSchema.nullable().optional(),
});
export type SeriesMoveRequest = z.input<typeof seriesMoveRequestSchema>;

export const seriesCancelRequestSchema = z.object({
  scope: seriesScopeSchema,
  cancelReason: cancelReasonSchema,
});
export type SeriesCancelRequest = z.input<typeof seriesCancelRequestSchema>;

export const MAX_CALENDAR_RANGE_DAYS = 42;
export const calendarQuerySchema = z
  .object({
    from: z.coerce.number().int().positive(),
    to: z.coerce.number().int().positive(),
    counselorId: idSchema.optional(),
    roomId: idSchema.optional(),
  })
  .refine((query) => query.to > query.from && query.to - query.from <= MAX_CALENDAR_RANGE_DAYS * 86_400_000, {
    error: `the range must be positive and at most ${MAX_CALENDAR_RANGE_DAYS} days`,
  });
export type CalendarQuery = z.input<typeof calendarQuerySchema>;

export const appointmentViewSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  caseId: idSchema.nullable(),
  counselorId: idSchema,
  roomId: idSchema.nullable(),
  serviceId: idSchema,
  serviceType: serviceTypeSchema,
  feeCents: z.int(),
  startAt: z.int(),
  endAt: z.int(),
  status: appointmentStatusSchema,
  cancelReason: cancelReasonSchema.nullable(),
  seriesId: idSchema.nullable(),
});
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

/** A window of time in UTC ms: an available shift, or approved leave. */
export const intervalSchema = z.object({ startAt: z.int(), endAt: z.int() });
export type Interval = z.infer<typeof intervalSchema>;

export const calendarViewSchema = z.object({
  timeZone: z.string(),
  appointments: z.array(appointmentViewSchema),
  /** Present for a counselor's calendar: when they work, and their approved leave. */
  available: z.array(intervalSchema),
  leave: z.array(intervalSchema),
});
export type CalendarView = z.infer<typeof calendarViewSchema>;

export const calendarFeedViewSchema = z.object({
  /** Shown once: the server keeps only its hash. */
  token: z.string(),
  path: z.string(),
});
export type CalendarFeedView = z.infer<typeof calendarFeedViewSchema>;

export const feedTokenParamSchema = z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/) });

export const reminderOptInSchema = z.object({ email: emailSchema });
export type ReminderOptIn = z.input<typeof reminderOptInSchema>;

/** What an integration reads with appointments:read: times, services, counselors, statuses. */
export const appointmentListSchema = z.object({ appointments: z.array(appointmentViewSchema) }).meta({
  example: {
    appointments: [
      {
        id: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
        clientId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
        caseId: null,
        counselorId: '3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a',
        roomId: null,
        serviceId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        serviceType: 'individual',
        feeCents: 60000,
        startAt: 1767229200000,
        endAt: 1767232200000,
        status: 'confirmed',
        cancelReason: null,
        seriesId: null,
      },
    ],
  },
});
