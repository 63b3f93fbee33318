import { idSchema } from './encoding.js';
import { z } from './zod.js';

/**
 * The supervision archive (督导档案, issue 14). Theme tags are operational names an admin chooses;
 * a report's themes are operational too. The reports themselves — and the supervisor's feedback
 * written into them — stay case records under the case key, listed here by id only.
 */

/** The form whose records the archive holds: the report and, in it, the supervisor's feedback. */
export const SUPERVISION_REPORT_FORM = 'supervision-report';

export const themeNameSchema = z.string().trim().min(1).max(40);
export const createThemeRequestSchema = z.object({ id: idSchema, name: themeNameSchema });
export type CreateThemeRequest = z.input<typeof createThemeRequestSchema>;

export const themeViewSchema = z.object({ id: idSchema, name: z.string(), createdAt: z.int() });
export type ThemeView = z.infer<typeof themeViewSchema>;
export const themeListSchema = z.object({ themes: z.array(themeViewSchema) });

export const archivedReportSchema = z.object({
  caseId: idSchema,
  recordId: idSchema,
  form: z.string(),
  writtenAt: z.int(),
  themeIds: z.array(idSchema),
});
export type ArchivedReport = z.infer<typeof archivedReportSchema>;
export const archiveListSchema = z.object({
  reports: z.array(archivedReportSchema),
  themes: z.array(themeViewSchema),
});
export type ArchiveList = z.infer<typeof archiveListSchema>;

export const reportParamSchema = z.object({ caseId: idSchema, recordId: idSchema });
export const setThemesRequestSchema = z.object({
  themeIds: z
    .array(idSchema)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'each theme once' }),
});
export type SetThemesRequest = z.input<typeof setThemesRequestSchema>;
export const reportThemesSchema = z.object({
  caseId: idSchema,
  recordId: idSchema,
  themeIds: z.array(idSchema),
});
