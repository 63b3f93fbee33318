import { z } from './zod.js';

/**
 * A key holder exports a case, decrypted in the browser only (issue 4). The server never sees the
 * export; it records that one was made, in the audit chain, before the browser builds it.
 */
export const caseExportRequestSchema = z.object({ format: z.enum(['json', 'pdf']) });
export type CaseExportRequest = z.input<typeof caseExportRequestSchema>;
