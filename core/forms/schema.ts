import { z } from '../api/zod.js';
import { referencedFields } from './conditions.js';

/**
 * The form engine's definition language (DESIGN §3, issue 5): what an admin builds, what the
 * renderer shows, what the server validates. A definition is JSON, versioned, never edited once
 * published. Every field is `secret` (encrypted in the browser) unless marked `operational`, and
 * only numbers, dates, choices and booleans may be operational — never free text (DESIGN §2).
 */

export const localizedTextSchema = z.object({
  'zh-CN': z.string().min(1).max(2000),
  en: z.string().min(1).max(2000),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** JSON Logic (jsonlogic.com): conditions over field values, `{"var": "<field id>"}`. */
export const jsonLogicSchema: z.ZodType<unknown> = z.json();

export const fieldIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, {
  error: 'field ids are lowercase letters, digits and _, starting with a letter',
});

const choiceOptionSchema = z.object({
  value: z.string().regex(/^[a-z0-9_]{1,64}$/),
  label: localizedTextSchema,
});

const likertOptionSchema = z.object({ value: z.int().min(-100).max(100), label: localizedTextSchema });

const isoDate = z.iso.date();

const base = {
  id: fieldIdSchema,
  label: localizedTextSchema,
  help: localizedTextSchema.optional(),
  required: z.boolean().default(false),
  showIf: jsonLogicSchema.optional(),
  requiredIf: jsonLogicSchema.optional(),
};
const secretOnly = { sensitivity: z.literal('secret').default('secret') };
const eitherSensitivity = { sensitivity: z.enum(['secret', 'operational']).default('secret') };

export const fieldSchema = z.discriminatedUnion('type', [
  z.object({
    ...base,
    ...secretOnly,
    type: z.literal('text'),
    minLength: z.int().min(0).optional(),
    maxLength: z.int().min(1).max(2000).default(200),
    pattern: z.string().max(200).optional(),
  }),
  z.object({
    ...base,
    ...secretOnly,
    type: z.literal('longText'),
    minLength: z.int().min(0).optional(),
    maxLength: z.int().min(1).max(50_000).default(10_000),
  }),
  z.object({
    ...base,
    ...eitherSensitivity,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(false),
  }),
  z.object({
    ...base,
    ...eitherSensitivity,
    type: z.literal('date'),
    min: isoDate.optional(),
    max: isoDate.optional(),
  }),
  z.object({ ...base, ...eitherSensitivity, type: z.literal('time') }),
  z.object({ ...base, ...eitherSensitivity, type: z.literal('dateTime') }),
  z.object({
    ...base,
    ...eitherSensitivity,
    type: z.literal('singleChoice'),
    options: z.array(choiceOptionSchema).min(2).max(50),
  }),
  z.object({
    ...base,
    ...eitherSensitivity,
    type: z.literal('dropdown'),
    options: z.array(choiceOptionSchema).min(2).max(200),
  }),
  z.object({
    ...base,
    ...eitherSensitivity,
    type: z.literal('multipleChoice'),
    options: z.array(choiceOptionSchema).min(2).max(50),
    minSelected: z.int().min(0).optional(),
    maxSelected: z.int().min(1).optional(),
  }),
  z.object({
    ...base,
    ...eitherSensitivity,
    type: z.literal('likert'),
    options: z.array(likertOptionSchema).min(2).max(11),
  }),
  z.object({ ...base, ...eitherSensitivity, type: z.literal('checkbox') }),
  z.object({ ...base, ...secretOnly, type: z.literal('signature') }),
  z.object({
    ...base,
    ...secretOnly,
    type: z.literal('file'),
    maxBytes: z
      .int()
      .min(1)
      .max(100 * 1024 * 1024)
      .optional(),
  }),
  z.object({ ...base, ...secretOnly, type: z.literal('section') }),
  z.object({
    ...base,
    ...eitherSensitivity,
    type: z.literal('score'),
    /** the likert or number fields it adds up */
    items: z.array(fieldIdSchema).min(1).max(100),
    method: z.enum(['sum', 'mean']),
    bands: z
      .array(
        z.object({
          min: z.number(),
          max: z.number(),
          label: localizedTextSchema,
          /** raised to the person responsible, e.g. a positive PHQ-9 item 9 */
          flag: z.enum(['risk']).optional(),
        }),
      )
      .default([]),
  }),
]);
export type FormField = z.infer<typeof fieldSchema>;
export type FieldType = FormField['type'];

/** A rule across fields, e.g. "the end date is after the start date". */
export const crossFieldRuleSchema = z.object({ logic: jsonLogicSchema, message: localizedTextSchema });

export const formDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
    version: z.int().min(1),
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    fields: z.array(fieldSchema).min(1).max(300),
    rules: z.array(crossFieldRuleSchema).max(50).default([]),
    /** item-level risk flags, e.g. PHQ-9 item 9 > 0: JSON Logic over the values */
    riskFlags: z
      .array(z.object({ logic: jsonLogicSchema, message: localizedTextSchema }))
      .max(20)
      .default([]),
  })
  .superRefine((form, context) => {
    const ids = new Set<string>();
    for (const field of form.fields) {
      if (ids.has(field.id))
        context.addIssue({ code: 'custom', message: `field id ${field.id} is used twice` });
      ids.add(field.id);
    }
    for (const field of form.fields) {
      for (const [what, logic] of [
        ['show-if', field.showIf],
        ['required-if', field.requiredIf],
      ] as const) {
        for (const read of referencedFields(logic)) {
          if (!ids.has(read))
            context.addIssue({
              code: 'custom',
              message: `the ${what} condition of ${field.id} reads ${read}, which is not a field of this form`,
            });
        }
      }
      if ('options' in field) {
        const values = field.options.map((option) => option.value);
        if (new Set(values).size !== values.length)
          context.addIssue({ code: 'custom', message: `${field.id} offers the same option value twice` });
      }
      if (field.type === 'score') {
        for (const band of field.bands)
          if (band.min > band.max)
            context.addIssue({ code: 'custom', message: `a band of ${field.id} starts above its end` });
      }
    }
    for (const field of form.fields) {
      if (field.type !== 'score') continue;
      for (const item of field.items) {
        const target = form.fields.find((candidate) => candidate.id === item);
        if (!target || (target.type !== 'likert' && target.type !== 'number')) {
          context.addIssue({
            code: 'custom',
            message: `score ${field.id} adds up ${item}, which is not a likert or number field`,
          });
        }
      }
    }
  });
export type FormDefinition = z.infer<typeof formDefinitionSchema>;
export type FormDefinitionInput = z.input<typeof formDefinitionSchema>;

/** "<form id>@<version>": how records and the case log name the form they were written with. */
export function formRef(form: Pick<FormDefinition, 'id' | 'version'>): string {
  return `${form.id}@${form.version}`;
}

export function isOperational(field: FormField): boolean {
  return field.sensitivity === 'operational';
}
