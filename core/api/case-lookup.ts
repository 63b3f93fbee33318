import { caseStatusSchema } from './cases.js';
import { idSchema } from './encoding.js';
import { userViewSchema } from './views.js';
import { z } from './zod.js';

/**
 * Finding a case to ask for access to (DESIGN §2): a clinician who holds no key to it gives its
 * case number (the first 8 hex digits of its id, as the pages show it) or its id, and learns only
 * what the request needs — the case's status and its primary counselor with their certified keys,
 * to seal the access note to (PROTOCOL §5). Nothing about the client or the records.
 */
export const caseLookupQuerySchema = z.object({
  number: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?:[0-9a-f]{8}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, {
      error: 'a case number (8 hex digits) or a case id',
    }),
});

export const MAX_CASE_LOOKUP_RESULTS = 5;

export const caseLookupEntrySchema = z.object({
  id: idSchema,
  status: caseStatusSchema,
  primaryCounselor: userViewSchema,
});
export type CaseLookupEntry = z.infer<typeof caseLookupEntrySchema>;

export const caseLookupResultSchema = z.object({ cases: z.array(caseLookupEntrySchema) });
export type CaseLookupResult = z.infer<typeof caseLookupResultSchema>;
