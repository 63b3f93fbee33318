import {
  counselingLanguageSchema,
  counselingSpecialtySchema,
  counselorGenderSchema,
} from './counselor-profiles.js';
import { fixedBytes, idSchema, opaqueBytes, publicKey } from './encoding.js';
import { z } from './zod.js';

/**
 * Booking requests from the center's website (PROTOCOL §7): the visitor's browser seals name,
 * contact and concern to the intake group key with info `tacit/1/intake|org=…|request=<id>`;
 * the server keeps the sealed bytes and the operational fields beside them (service, slot,
 * channel, UTM source).
 */

export const BOOKING_STATUSES = ['new', 'screening', 'scheduled', 'declined'] as const;
export const bookingStatusSchema = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

/**
 * What the visitor would like in a counselor, if anything. Sealed with the rest: only the front
 * desk's browser reads it, to rank the counselors (core/workflows/matching.ts).
 */
export const bookingPreferencesSchema = z.object({
  language: counselingLanguageSchema.optional(),
  topics: z.array(counselingSpecialtySchema).max(5).default([]),
  counselorGender: counselorGenderSchema.optional(),
});
export type BookingPreferences = z.infer<typeof bookingPreferencesSchema>;

/** The sealed plaintext, known to the widget and the front desk only. */
export const bookingContentSchema = z.object({
  name: z.string().trim().min(1).max(100),
  contact: z.string().trim().min(1).max(200),
  concern: z.string().trim().max(2000).default(''),
  // A preference this version does not know (a newer widget's) must not hide the request itself.
  preferences: bookingPreferencesSchema.optional().catch(undefined),
});
export type BookingContent = z.input<typeof bookingContentSchema>;

export const SEALED_BOOKING_MAX_BYTES = 16 * 1024;

const slug = z.string().regex(/^[a-z0-9_-]{1,32}$/, { error: 'must be 1 to 32 of a-z, 0-9, _ and -' });
const utmValue = z.string().trim().max(100);

export const utmSchema = z.object({
  source: utmValue.optional(),
  medium: utmValue.optional(),
  campaign: utmValue.optional(),
});

const bookingSubmissionFields = {
  id: idSchema,
  groupId: idSchema,
  groupEpoch: z.int().nonnegative(),
  sealed: z.object({
    enc: fixedBytes('encapsulated key', 32),
    ct: opaqueBytes('sealed request', SEALED_BOOKING_MAX_BYTES),
  }),
  serviceId: idSchema.nullable().default(null),
  slotStart: z.int().nonnegative().nullable().default(null),
  channel: slug.default('website'),
  utm: utmSchema.default({}),
};

const bookingSubmissionExample = {
  id: '3f0c6a52-9d7e-4c41-8f0e-2b7f4d5e6a10',
  groupId: '0b5d8e21-4f3a-4c6e-9a7b-1d2e3f405162',
  groupEpoch: 0,
  sealed: {
    enc: 'q0aFcTg2q6N8ZpDPyqQyx2K4o8Jd3vFh1mBzX0yW5E8',
    ct: 'bWFkZS11cC1zZWFsZWQtYnl0ZXMtZm9yLXRoZS1leGFtcGxl',
  },
  serviceId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  slotStart: 1767225600000,
  channel: 'website',
  utm: { source: 'newsletter', medium: 'email', campaign: 'autumn' },
};

export const bookingSubmissionSchema = z
  .object(bookingSubmissionFields)
  .meta({ example: bookingSubmissionExample });
export type BookingSubmission = z.input<typeof bookingSubmissionSchema>;

/** The widget adds a honeypot field (`website`, hidden from people) and the Turnstile token. */
export const widgetSubmissionSchema = z
  .object({
    ...bookingSubmissionFields,
    website: z.string().max(500).optional(),
    turnstileToken: z.string().max(4096).optional(),
  })
  .meta({ example: { ...bookingSubmissionExample, website: '', turnstileToken: '0.turnstile-token' } });
export type WidgetSubmission = z.input<typeof widgetSubmissionSchema>;

export const bookingAcceptedSchema = z
  .object({ id: idSchema, status: bookingStatusSchema })
  .meta({ example: { id: '3f0c6a52-9d7e-4c41-8f0e-2b7f4d5e6a10', status: 'new' } });

export const bookingRequestViewSchema = z.object({
  id: idSchema,
  groupId: idSchema,
  groupEpoch: z.int(),
  sealed: z.object({ enc: z.string(), ct: z.string() }),
  serviceId: z.string().nullable(),
  slotStart: z.int().nullable(),
  channel: z.string(),
  utm: utmSchema,
  status: bookingStatusSchema,
  createdAt: z.int(),
});
export type BookingRequestView = z.infer<typeof bookingRequestViewSchema>;
export const bookingRequestListSchema = z.object({ requests: z.array(bookingRequestViewSchema) });
export type BookingRequestList = z.infer<typeof bookingRequestListSchema>;

/** What an integration sees of a request: operational fields only, never the sealed bytes. */
export const bookingSummarySchema = bookingRequestViewSchema.omit({
  sealed: true,
  groupId: true,
  groupEpoch: true,
});
export const bookingSummaryListSchema = z.object({ requests: z.array(bookingSummarySchema) }).meta({
  example: {
    requests: [
      {
        id: '3f0c6a52-9d7e-4c41-8f0e-2b7f4d5e6a10',
        serviceId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        slotStart: 1767225600000,
        channel: 'website',
        utm: { source: 'newsletter' },
        status: 'new',
        createdAt: 1767139200000,
      },
    ],
  },
});

export const bookingListQuerySchema = z.object({
  status: bookingStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const updateBookingRequestSchema = z.object({ status: bookingStatusSchema });
export const bookingIdParamSchema = z.object({ id: idSchema });

/** Everything the widget needs before the visitor types a word. */
export const widgetConfigSchema = z
  .object({
    orgId: idSchema,
    orgName: z.string(),
    intakeGroup: z
      .object({ id: idSchema, epoch: z.int(), x25519Pk: publicKey('intake group key') })
      .nullable(),
    turnstileSiteKey: z.string().nullable(),
  })
  .meta({
    example: {
      orgId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
      orgName: '心晴咨询中心',
      intakeGroup: {
        id: '0b5d8e21-4f3a-4c6e-9a7b-1d2e3f405162',
        epoch: 0,
        x25519Pk: 'q0aFcTg2q6N8ZpDPyqQyx2K4o8Jd3vFh1mBzX0yW5E8',
      },
      turnstileSiteKey: null,
    },
  });
export type WidgetConfig = z.infer<typeof widgetConfigSchema>;

/** Widget submissions per visitor IP per minute. */
export const WIDGET_SUBMISSIONS_PER_MINUTE = 5;

/** What the widget shows of a service: no fee logic, no counselor. */
export const widgetServiceSchema = z.object({
  id: idSchema,
  name: z.string(),
  durationMinutes: z.int(),
  feeCents: z.int(),
});
export const widgetServiceListSchema = z.object({ services: z.array(widgetServiceSchema) }).meta({
  example: {
    services: [
      {
        id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        name: '个体咨询 50 分钟',
        durationMinutes: 50,
        feeCents: 60000,
      },
    ],
  },
});
export type WidgetService = z.infer<typeof widgetServiceSchema>;

export const WIDGET_SLOT_RANGE_DAYS = 14;
export const widgetSlotsQuerySchema = z
  .object({
    serviceId: idSchema,
    from: z.coerce.number().int().nonnegative(),
    to: z.coerce.number().int().positive(),
  })
  .refine((query) => query.to > query.from && query.to - query.from <= WIDGET_SLOT_RANGE_DAYS * 86_400_000, {
    error: `the range must be positive and at most ${WIDGET_SLOT_RANGE_DAYS} days`,
  });
export const widgetSlotsSchema = z
  .object({ timeZone: z.string(), starts: z.array(z.int()) })
  .meta({ example: { timeZone: 'Asia/Shanghai', starts: [1767229200000, 1767231000000] } });
export type WidgetSlots = z.infer<typeof widgetSlotsSchema>;
