/**
 * The supervision archive (督导档案, issue 14) for the pages and for the in-browser search: the
 * server lists which supervision reports I hold the key to, with their theme tags; this browser
 * opens those cases (verified as a whole, PROTOCOL §6) and keeps the reports' plaintext in memory
 * only. The supervisor's feedback is part of the report, so it is found with it.
 */
import {
  type ArchivedReport,
  archiveListSchema,
  type CreateThemeRequest,
  reportThemesSchema,
  type ThemeView,
  themeListSchema,
  themeViewSchema,
} from '../../../core/api/index';
import type { FormDefinition, FormValues, LocalizedText } from '../../../core/forms/index';
import { createApiClient } from './api-client';
import { run } from './app-errors';
import { type CaseRecord, openCaseFile } from './cases/index';
import type { UserKeys } from './vault';

const api = createApiClient();

export type { ThemeView };

export interface SupervisionRecord {
  /** `<case id>/<record id>` */
  readonly id: string;
  readonly caseId: string;
  readonly recordId: string;
  readonly form: FormDefinition | undefined;
  readonly writtenAt: number;
  readonly authorId: string;
  readonly values: FormValues;
  readonly themeIds: readonly string[];
}

export interface SupervisionArchive {
  readonly records: readonly SupervisionRecord[];
  readonly themes: readonly ThemeView[];
}

/** The text fields of a report, in the form's order: the report and the supervisor's feedback. */
export function reportTexts(
  record: Pick<SupervisionRecord, 'form' | 'values'>,
): { label: LocalizedText | null; text: string }[] {
  const fields = record.form?.fields ?? [];
  const known = fields.flatMap((field) => {
    const value = record.values[field.id];
    return (field.type === 'longText' || field.type === 'text') && typeof value === 'string' && value.trim()
      ? [{ label: field.label, text: value }]
      : [];
  });
  if (record.form) return known;
  return Object.values(record.values).flatMap((value) =>
    typeof value === 'string' && value.trim() ? [{ label: null, text: value }] : [],
  );
}

const copyKeys = (keys: UserKeys): UserKeys => ({
  encryptionSecretKey: new Uint8Array(keys.encryptionSecretKey),
  signingSeed: new Uint8Array(keys.signingSeed),
  orgRootSeed: null,
});

/**
 * Every supervision report I can decrypt, newest first. The keys are copied at once (the vault
 * lends them only synchronously) and wiped when the cases are open.
 */
export function loadSupervisionArchive(keys: UserKeys): Promise<SupervisionArchive> {
  const lent = copyKeys(keys);
  return run(async () => {
    try {
      const list = await api.get('/api/supervision-archive', archiveListSchema);
      const byCase = new Map<string, ArchivedReport[]>();
      for (const report of list.reports)
        byCase.set(report.caseId, [...(byCase.get(report.caseId) ?? []), report]);
      const files = await Promise.all([...byCase.keys()].map((caseId) => openCaseFile(lent, caseId)));
      const records = files.flatMap((file) => {
        const listed = new Map(
          (byCase.get(file.summary.id) ?? []).map((report) => [report.recordId, report]),
        );
        return file.records.flatMap((record: CaseRecord) => {
          const report = listed.get(record.recordId);
          return report
            ? [
                {
                  id: `${file.summary.id}/${record.recordId}`,
                  caseId: file.summary.id,
                  recordId: record.recordId,
                  form: record.form,
                  writtenAt: report.writtenAt,
                  authorId: record.authorId,
                  values: record.values,
                  themeIds: report.themeIds,
                },
              ]
            : [];
        });
      });
      return { records: records.sort((a, b) => b.writtenAt - a.writtenAt), themes: list.themes };
    } finally {
      lent.encryptionSecretKey.fill(0);
      lent.signingSeed.fill(0);
    }
  });
}

/** One search hit's plaintext, for the in-browser search across what I can decrypt (issue 14). */
export interface SupervisionSearchItem {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly href: string;
  readonly tags: readonly string[];
}

const reportDate = (record: SupervisionRecord) => {
  const date = record.values.supervision_date;
  return typeof date === 'string' ? date : new Date(record.writtenAt).toISOString().slice(0, 10);
};

/** The archive as plaintext items for the search index; it stays in this browser's memory. */
export async function supervisionRecordsForSearch(
  keys: UserKeys,
  locale: keyof LocalizedText = 'zh-CN',
): Promise<SupervisionSearchItem[]> {
  const { records, themes } = await loadSupervisionArchive(keys);
  const themeName = new Map(themes.map((theme) => [theme.id, theme.name]));
  return records.map((record) => ({
    id: `supervision:${record.id}`,
    title: `${record.form?.title[locale] ?? 'Supervision report'} · ${reportDate(record)} · ${record.caseId.slice(0, 8).toUpperCase()}`,
    text: reportTexts(record)
      .map((part) => part.text)
      .join('\n'),
    href: `/supervision-archive?report=${encodeURIComponent(record.id)}`,
    tags: record.themeIds.flatMap((id) => themeName.get(id) ?? []),
  }));
}

export const listThemes = () => run(() => api.get('/api/supervision-archive/themes', themeListSchema));
export const createTheme = (request: CreateThemeRequest) =>
  run(() => api.send('POST', '/api/supervision-archive/themes', request, themeViewSchema));
export const setReportThemes = (caseId: string, recordId: string, themeIds: readonly string[]) =>
  run(() =>
    api.send(
      'PUT',
      `/api/supervision-archive/reports/${caseId}/${recordId}/themes`,
      { themeIds },
      reportThemesSchema,
    ),
  );
