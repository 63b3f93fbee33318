import { A, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { type FormValues, validateValues } from '../../../../core/forms/index';
import { openCaseFile, uploadCaseAttachment, writeCaseRecord } from '../../lib/cases';
import { errorMessageKey } from '../../lib/errors';
import { catalogForm } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { useVault } from '../../lib/vault-context';
import { completeWorkflowTask } from '../../lib/workflows';
import { Alert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { OperationProgress } from '../../ui/OperationProgress';
import { RetryAlert } from '../../ui/RetryAlert';
import { FormRenderer, visibleValues } from '../forms/FormRenderer';
import { isPendingFile, type StoredFile } from '../forms/file-value';
import { localized } from '../forms/localized';
import { caseNumber } from './labels';
import './cases.css';

/**
 * Writing a record, or correcting one (a new revision of the same record id): the values stay in
 * this page's memory until they are encrypted and appended to the case log.
 */
export function RecordEditorPage() {
  const params = useParams<{ id: string; form: string }>();
  const [search] = useSearchParams<{ record?: string; task?: string }>();
  // A workflow's form step: the new record's id is fixed here, so a retry revises, never duplicates.
  const stepRecordId = crypto.randomUUID();
  const i18n = useI18n();
  const { t } = i18n;
  const { vault } = useVault();
  const navigate = useNavigate();
  // The catalog's latest version; a correction keeps the version its record was written with.
  const [latest, { refetch: refetchLatest }] = createResource(() => params.form, catalogForm);
  const form = () =>
    (search.record && original.state === 'ready' ? original()?.form : undefined) ??
    (latest.state === 'ready' ? latest() : undefined);
  const [values, setValues] = createSignal<FormValues>({});
  const [touched, setTouched] = createSignal<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = createSignal(false);
  const [saving, setSaving] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [upload, setUpload] = createSignal<{ name: string; done: number; total: number } | null>(null);

  // A correction starts from the record's latest revision, opened and verified like the case.
  const [original, { refetch: refetchOriginal }] = createResource(
    () => search.record,
    async (recordId) => {
      const file = await vault.withKeys((keys) => openCaseFile(keys, params.id));
      const record = file.records.find((candidate) => candidate.recordId === recordId);
      if (record) setValues({ ...record.values });
      return record ?? null;
    },
  );

  const change = (fieldId: string, value: unknown) => {
    setValues((current) => ({ ...current, [fieldId]: value }));
    setTouched((current) => new Set([...current, fieldId]));
  };

  /** Chosen files are sealed and uploaded first; the record then keeps their ids (secret part). */
  const uploadChosenFiles = async (kept: FormValues): Promise<FormValues> => {
    const stored: FormValues = { ...kept };
    for (const [fieldId, value] of Object.entries(kept)) {
      if (!isPendingFile(value)) continue;
      const bytes = new Uint8Array(await value.file.arrayBuffer());
      const name = value.name ?? t('form.file.unnamed');
      const attachmentId = await vault.withKeys((keys) =>
        uploadCaseAttachment(keys, params.id, bytes, (done, total) => setUpload({ name, done, total })),
      );
      const file: StoredFile = {
        attachmentId,
        size: bytes.length,
        ...(value.name ? { name: value.name } : {}),
        ...(value.type ? { type: value.type } : {}),
      };
      stored[fieldId] = file;
      // a retry after a failed write reuses the upload instead of sealing the file again
      setValues((current) => ({ ...current, [fieldId]: file }));
    }
    return stored;
  };

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const definition = form();
    if (!definition || saving()) return;
    setAttempted(true);
    const kept = visibleValues(definition, values());
    if (validateValues(definition, kept).length > 0) return;
    setSaving(true);
    setFailure(null);
    try {
      const step = search.task;
      const recordId = search.record ?? (step ? stepRecordId : undefined);
      const stored = await uploadChosenFiles(kept);
      await vault.withKeys((keys) =>
        writeCaseRecord(keys, params.id, {
          form: definition,
          values: stored,
          ...(recordId ? { recordId } : {}),
        }),
      );
      if (step && recordId) {
        await completeWorkflowTask(step, 'completed', { recordId });
        navigate('/tasks');
        return;
      }
      navigate(`/cases/${params.id}`);
    } catch (error) {
      setFailure(error);
      setSaving(false);
    } finally {
      setUpload(null);
    }
  };

  return (
    <div class="case-page">
      <A href={`/cases/${params.id}`} class="back-link">
        {t('form.cancel')}
      </A>
      <Show
        when={form()}
        fallback={
          <Show when={!latest.loading} fallback={<Loading label={t('common.loading')} />}>
            <Show when={latest.error} fallback={<Alert tone="error">{t('error.unknown')}</Alert>}>
              {(error) => <RetryAlert error={error()} onRetry={() => void refetchLatest()} />}
            </Show>
          </Show>
        }
      >
        {(definition) => (
          <>
            <div class="page-header">
              <h1>{localized(i18n, definition().title)}</h1>
              <span class="muted">{t('cases.caseNumber', { id: caseNumber(params.id) })}</span>
            </div>
            <Show when={definition().description}>
              {(description) => <p class="muted">{localized(i18n, description())}</p>}
            </Show>
            <Switch>
              <Match when={search.record && original.state === 'errored'}>
                <RetryAlert error={original.error} onRetry={() => void refetchOriginal()} />
              </Match>
              <Match when={search.record && original.loading}>
                <Loading label={t('case.opening')} />
              </Match>
              <Match when={true}>
                <Show when={search.record}>
                  <Alert tone="info">{t('form.correcting')}</Alert>
                </Show>
                <form
                  class="card record-editor"
                  onSubmit={(event) => void save(event)}
                  novalidate
                  aria-busy={saving()}
                >
                  <Show when={failure()}>
                    <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
                  </Show>
                  <Show
                    when={
                      attempted() &&
                      validateValues(definition(), visibleValues(definition(), values())).length > 0
                    }
                  >
                    <Alert tone="error">{t('form.fixErrors')}</Alert>
                  </Show>
                  <FormRenderer
                    form={definition()}
                    values={values()}
                    onChange={change}
                    showAllErrors={attempted()}
                    touched={touched()}
                    disabled={saving()}
                  />
                  <Show when={upload()}>
                    {(progress) => (
                      <OperationProgress
                        label={t('case.upload.progress', {
                          name: progress().name,
                          done: progress().done,
                          total: progress().total,
                        })}
                        done={progress().done}
                        total={progress().total}
                      />
                    )}
                  </Show>
                  <div class="button-row button-row--end">
                    <A class="button" href={`/cases/${params.id}`}>
                      {t('common.cancel')}
                    </A>
                    <button type="submit" class="button button--primary" disabled={saving()}>
                      {saving() ? t('form.saving') : t('form.save')}
                    </button>
                  </div>
                </form>
              </Match>
            </Switch>
          </>
        )}
      </Show>
    </div>
  );
}
