import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import {
  loadSupervisionArchive,
  reportTexts,
  type SupervisionRecord,
  setReportThemes,
  type ThemeView,
} from '../../lib/supervision-archive';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { caseNumber } from '../cases/labels';
import { localized } from '../forms/localized';
import './supervision-archive.css';

const ALL = '';

/**
 * 督导档案 (issue 14): every supervision report, with the supervisor's feedback in it, of the
 * cases whose key I hold — decrypted here, filtered here by text and by theme tag.
 */
export function SupervisionArchivePage() {
  const { t } = useI18n();
  const { vault } = useVault();
  const [search, setSearch] = useSearchParams<{ report?: string }>();
  const [archive, { refetch, mutate }] = createResource(() => vault.withKeys(loadSupervisionArchive));
  const [query, setQuery] = createSignal('');
  const [theme, setTheme] = createSignal(ALL);
  // Here, not in the card: a retagged report is a new item, so its card is drawn anew.
  const [retaggedNotice, setRetaggedNotice] = createSignal(false);

  const shown = createMemo(() => {
    const records = archive()?.records ?? [];
    const words = query().trim().toLowerCase().split(/\s+/).filter(Boolean);
    return records.filter(
      (record) =>
        (!search.report || record.id === search.report) &&
        (theme() === ALL || record.themeIds.includes(theme())) &&
        words.every((word) => reportTexts(record).some((part) => part.text.toLowerCase().includes(word))),
    );
  });

  const retagged = (record: SupervisionRecord, themeIds: readonly string[]) => {
    const current = archive();
    if (!current) return;
    setRetaggedNotice(true);
    mutate({
      ...current,
      records: current.records.map((one) => (one.id === record.id ? { ...one, themeIds } : one)),
    });
  };

  return (
    <div class="admin-page archive-page">
      <div class="page-header">
        <h1>{t('archive.heading')}</h1>
      </div>
      <p class="muted">{t('archive.intro')}</p>
      <AsyncContent resource={archive} onRetry={() => void refetch()}>
        {(loaded) => (
          <Show when={loaded.records.length > 0} fallback={<p class="card empty">{t('archive.empty')}</p>}>
            <div class="archive-filters card">
              <TextField label={t('archive.search')} value={query()} onChange={setQuery} />
              <SelectField
                label={t('archive.theme')}
                value={theme()}
                options={[ALL, ...loaded.themes.map((one) => one.id)]}
                optionLabel={(id) =>
                  id === ALL
                    ? t('archive.allThemes')
                    : (loaded.themes.find((one) => one.id === id)?.name ?? id)
                }
                onChange={setTheme}
                disabled={false}
              />
              <Show when={search.report}>
                <button
                  type="button"
                  class="button button--quiet"
                  onClick={() => setSearch({ report: undefined })}
                >
                  {t('archive.showAll')}
                </button>
              </Show>
            </div>
            <Show when={retaggedNotice()}>
              <Alert tone="success">{t('archive.themesSaved')}</Alert>
            </Show>
            <p class="lead">{t('archive.count', { count: String(shown().length) })}</p>
            <Show when={shown().length > 0} fallback={<p class="card empty">{t('archive.noMatch')}</p>}>
              <ul class="archive-list" aria-label={t('archive.caption')}>
                <For each={shown()}>
                  {(record) => (
                    <ArchivedReportCard
                      record={record}
                      themes={loaded.themes}
                      onRetagged={(ids) => retagged(record, ids)}
                    />
                  )}
                </For>
              </ul>
            </Show>
          </Show>
        )}
      </AsyncContent>
    </div>
  );
}

function ArchivedReportCard(props: {
  record: SupervisionRecord;
  themes: readonly ThemeView[];
  onRetagged: (themeIds: readonly string[]) => void;
}) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { session } = useSession();
  const [editing, setEditing] = createSignal(false);
  const [chosen, setChosen] = createSignal<readonly string[]>(props.record.themeIds);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const canTag = () =>
    (session()?.user.roles ?? []).some((role) => role === 'counselor' || role === 'supervisor');
  const date = () => {
    const value = props.record.values.supervision_date;
    return typeof value === 'string' ? value : formatDate(props.record.writtenAt);
  };
  const title = () => t('archive.reportTitle', { date: date() });
  const themeName = (id: string) => props.themes.find((one) => one.id === id)?.name ?? id;

  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await setReportThemes(props.record.caseId, props.record.recordId, chosen());
      setEditing(false);
      props.onRetagged(chosen());
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="card archive-report">
      <div class="archive-report__head">
        <h2 class="card__title">{title()}</h2>
        <A href={`/cases/${props.record.caseId}`}>
          {t('archive.case', { number: caseNumber(props.record.caseId) })}
        </A>
      </div>
      <div class="archive-report__tags">
        <For each={props.record.themeIds} fallback={<span class="muted">{t('archive.noThemes')}</span>}>
          {(id) => <span class="badge">{themeName(id)}</span>}
        </For>
      </div>
      <dl class="archive-report__texts">
        <For each={reportTexts(props.record)}>
          {(part) => (
            <>
              <Show when={part.label}>{(label) => <dt>{localized(i18n, label())}</dt>}</Show>
              <dd>{part.text}</dd>
            </>
          )}
        </For>
      </dl>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <Show when={canTag()}>
        <Show
          when={editing()}
          fallback={
            <div class="button-row">
              <button
                type="button"
                class="button button--quiet"
                aria-label={`${t('archive.editThemes')} · ${title()}`}
                onClick={() => {
                  setChosen(props.record.themeIds);
                  setEditing(true);
                }}
              >
                {t('archive.editThemes')}
              </button>
            </div>
          }
        >
          <Show when={props.themes.length > 0} fallback={<p class="muted">{t('archive.noThemesDefined')}</p>}>
            <CheckboxGroup
              legend={t('archive.themesLegend', { title: title() })}
              options={props.themes.map((one) => one.id)}
              labelOf={themeName}
              selected={chosen()}
              onChange={setChosen}
              disabled={busy()}
            />
            <div class="button-row">
              <button
                type="button"
                class="button button--primary"
                disabled={busy()}
                onClick={() => void save()}
              >
                {t('archive.saveThemes')}
              </button>
              <button type="button" class="button" disabled={busy()} onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </Show>
        </Show>
      </Show>
    </li>
  );
}
