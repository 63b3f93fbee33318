import { hashHexSchema, idSchema, opaqueBytes, signature } from './encoding.js';
import { z } from './zod.js';

/** Encrypted records and the case log (PROTOCOL §3, §6). */

export const MAX_RECORD_ENVELOPE_BYTES = 256 * 1024;
export const MAX_OPERATIONAL_FIELDS = 64;

/** "<form id>@<version>" */
export const formRefSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,63}@[1-9][0-9]{0,5}$/, { error: 'must be "<form id>@<version>"' });

const FIELD_NAME = /^[a-z][A-Za-z0-9_]{0,63}$/;
const CHOICE_CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function isOperationalScalar(value: unknown): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && (CHOICE_CODE.test(value) || DATE.test(value) || DATE_TIME.test(value));
}

/** Multi-choice answers are arrays of choice codes. */
function isOperationalValue(value: unknown): boolean {
  if (Array.isArray(value))
    return value.length <= 50 && value.every((item) => typeof item === 'string' && CHOICE_CODE.test(item));
  return isOperationalScalar(value);
}

/**
 * DESIGN §2: operational fields are numbers, dates, choices and booleans; free text is always
 * secret, so a string that is not a choice code or a date is refused rather than stored.
 */
export const operationalFieldsSchema = z
  .record(
    z.string().regex(FIELD_NAME, { error: 'operational field names are identifiers' }),
    z.json().refine(isOperationalValue, {
      error:
        'operational fields are numbers, booleans, dates or choice codes; free text belongs in the encrypted envelope',
    }),
  )
  .refine((fields) => Object.keys(fields).length <= MAX_OPERATIONAL_FIELDS, {
    error: `at most ${MAX_OPERATIONAL_FIELDS} operational fields`,
  });
export type OperationalFields = z.infer<typeof operationalFieldsSchema>;

/** PROTOCOL §6 entry, exactly these keys. */
export const caseLogEntrySchema = z.strictObject({
  author: idSchema,
  envelope_hash: hashHexSchema,
  form: formRefSchema,
  operational_hash: hashHexSchema,
  record: idSchema,
  rev: z.int().min(1),
  seq: z.int().min(1),
  time: z.int().nonnegative(),
});
export type CaseLogEntryJson = z.infer<typeof caseLogEntrySchema>;

export const caseLogLineSchema = z.object({
  entry: caseLogEntrySchema,
  sig: signature('case head signature'),
});
export type CaseLogLine = z.infer<typeof caseLogLineSchema>;

/**
 * POST /api/cases/:id/records. Accepted only at the current head: a stale writer gets 409
 * `stale_head` with the current seq and head in the Tacit-Case-Seq / Tacit-Case-Head headers,
 * re-reads the case, rebases (seq + 1 on the new head) and retries.
 */
export const appendRecordRequestSchema = z.object({
  entry: caseLogEntrySchema,
  previousHead: hashHexSchema,
  head: hashHexSchema,
  sig: signature('case head signature'),
  epoch: z.int().nonnegative(),
  envelope: opaqueBytes('record envelope', MAX_RECORD_ENVELOPE_BYTES),
  operational: operationalFieldsSchema,
});
export type AppendRecordRequest = z.input<typeof appendRecordRequestSchema>;
export const appendRecordResponseSchema = z.object({ seq: z.int().positive(), head: hashHexSchema });
export type AppendRecordResponse = z.infer<typeof appendRecordResponseSchema>;

export const STALE_HEAD_SEQ_HEADER = 'Tacit-Case-Seq';
export const STALE_HEAD_HEAD_HEADER = 'Tacit-Case-Head';

export const caseRecordViewSchema = z.object({
  record: idSchema,
  rev: z.int().min(1),
  form: formRefSchema,
  authorId: idSchema,
  epoch: z.int().nonnegative(),
  envelope: opaqueBytes('record envelope', MAX_RECORD_ENVELOPE_BYTES),
  operational: operationalFieldsSchema,
  seq: z.int().positive(),
  createdAt: z.int(),
  /**
   * The record was filed from a client's portal submission (same id). Operational metadata the
   * server knows from filing, shown as a label; the record's content is signed by who filed it.
   */
  fromPortal: z.boolean().default(false),
});
export type CaseRecordView = z.infer<typeof caseRecordViewSchema>;
