import { A, useBeforeLeave, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, Show } from 'solid-js';
import { type FormDefinition, type FormValues, formDefinitionSchema } from '../../../../../core/forms/index';
import {
  createForm,
  discardDraft,
  fetchDraft,
  fetchLatestPublished,
  listForms,
  publishDraft,
  saveDraft,
} from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n';
import { useVault } from '../../../lib/vault-context';
import { Alert } from '../../../ui/Alert';
import { AsyncContent } from '../../../ui/AsyncContent';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormRenderer } from '../FormRenderer';
import { formsErrorKey } from '../forms-errors';
import { localized } from '../localized';
import { DesignProblems } from './DesignProblems';
import { FieldList, FieldPalette } from './FieldList';
import { FieldProperties } from './FieldProperties';
import { FormRules } from './FormRules';
import { LocalizedInputs, TextInput } from './inputs';
import {
  blankForm,
  type DesignedForm,
  insertField,
  moveField,
  newField,
  removeField,
  renameField,
  replaceField,
} from './model';
import '../designer.css';

interface Loaded {
  form: DesignedForm;
  /** the draft version stored on the server, null before the first save of a new version */
  draftVersion: number | null;
}

async function loadForEditing({ id }: { id: string | undefined }): Promise<Loaded> {
  if (id === undefined) return { form: blankForm(), draftVersion: null };
  const draft = await fetchDraft(id);
  if (draft) return { form: draft, draftVersion: draft.version };
  const summary = (await listForms()).find((form) => form.id === id);
  const latest = await fetchLatestPublished(id, summary);
  if (!latest) throw new Error(`no form ${id}`);
  return { form: latest, draftVersion: null };
}

/**
 * /admin/forms/:id/edit and /admin/forms/new — the designer: palette, fields, properties, live
 * preview, save and publish.
 */
export function FormDesignerPage() {
  const params = useParams<{ id?: string }>();
  const [loaded, { refetch }] = createResource(() => ({ id: params.id }), loadForEditing);
  return (
    <div class="designer-page">
      <A href="/admin/forms" class="back-link">
        {useI18n().t('designer.back')}
      </A>
      <AsyncContent resource={loaded} onRetry={() => void refetch()}>
        {(start) => <Designer start={start} isNew={params.id === undefined} />}
      </AsyncContent>
    </div>
  );
}

function Designer(props: { start: Loaded; isNew: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const { vault } = useVault();
  const [form, setForm] = createSignal<DesignedForm>(props.start.form);
  const [draftVersion, setDraftVersion] = createSignal(props.start.draftVersion);
  const [dirty, setDirty] = createSignal(false);
  const [selected, setSelected] = createSignal<number | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [removed, setRemoved] = createSignal<{ label: string; before: DesignedForm } | null>(null);
  const [previewValues, setPreviewValues] = createSignal<FormValues>({});
  const [previewTouched, setPreviewTouched] = createSignal<ReadonlySet<string>>(new Set());

  useBeforeLeave((event) => {
    if (!dirty() || event.defaultPrevented) return;
    event.preventDefault();
    if (window.confirm(t('designer.leaveUnsaved'))) event.retry(true);
  });

  const parsed = createMemo(() => formDefinitionSchema.safeParse(form()));
  let lastValid: FormDefinition | null = null;
  const preview = createMemo(() => {
    const result = parsed();
    if (result.success) lastValid = result.data;
    return lastValid;
  });

  const edit = (next: DesignedForm) => {
    setForm(next);
    setDirty(true);
    setNotice(null);
    setRemoved(null);
  };
  const remove = (index: number) => {
    const before = form();
    const field = before.fields[index];
    edit(removeField(before, index));
    setSelected(null);
    if (field) setRemoved({ label: localized(i18n, field.label) || field.id, before });
  };
  const undoRemove = () => {
    const last = removed();
    if (!last) return;
    edit(last.before);
  };
  const add = (type: Parameters<typeof newField>[0], at?: number) => {
    const field = newField(type, form());
    const index = at ?? form().fields.length;
    edit(insertField(form(), field, index));
    setSelected(index);
  };
  const move = (from: number, to: number) => {
    edit(moveField(form(), from, to));
    if (selected() === from) setSelected(to);
  };

  const run = async (action: () => Promise<void>) => {
    if (busy()) return;
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      await action();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  /** Saves what is on screen as the draft; returns its version. */
  const save = async (): Promise<number> => {
    const result = parsed();
    if (!result.success) throw new Error('invalid');
    const saved =
      props.isNew && draftVersion() === null ? await createForm(result.data) : await saveDraft(result.data);
    setDraftVersion(saved.version);
    setForm({ ...form(), version: saved.version });
    setDirty(false);
    return saved.version;
  };
  const saveOnly = () =>
    run(async () => {
      await save();
      if (props.isNew) navigate(`/admin/forms/${form().id}/edit`, { replace: true });
      else setNotice(t('designer.saved'));
    });
  const publish = () =>
    run(async () => {
      const version = dirty() || draftVersion() === null ? await save() : (draftVersion() as number);
      const published = await vault.withKeys((keys) => publishDraft(keys, form(), version));
      navigate(`/admin/forms?published=${encodeURIComponent(published.ref)}`);
    });
  const [discarding, setDiscarding] = createSignal<{ title: string; version: number } | null>(null);
  const discard = async () => {
    await discardDraft(form().id);
    setDirty(false);
    setDiscarding(null);
    navigate('/admin/forms');
  };

  return (
    <>
      <div class="page-header">
        <h1>{localized(i18n, form().title) || t('designer.untitled')}</h1>
        <div class="button-row">
          <span class="muted" aria-live="polite">
            {dirty()
              ? t('designer.unsaved')
              : draftVersion() !== null
                ? t('designer.draftSaved', { version: draftVersion() as number })
                : t('designer.noDraft')}
          </span>
          <Show when={draftVersion() !== null && !props.isNew}>
            <button
              type="button"
              class="button"
              disabled={busy()}
              onClick={() =>
                setDiscarding({
                  title: localized(i18n, form().title) || form().id,
                  version: draftVersion() as number,
                })
              }
            >
              {t('designer.discard')}
            </button>
          </Show>
          <button
            type="button"
            class="button"
            disabled={busy() || !parsed().success}
            onClick={() => void saveOnly()}
          >
            {t('designer.save')}
          </button>
          <button
            type="button"
            class="button button--primary"
            disabled={busy() || !parsed().success}
            onClick={() => void publish()}
          >
            {t('designer.publish')}
          </button>
        </div>
      </div>
      <ConfirmDialog
        subject={discarding()}
        title={(draft) => t('designer.discardTitle', { title: draft.title, version: draft.version })}
        body={() => t('designer.discardBody')}
        confirmLabel={t('designer.discard')}
        workingLabel={t('designer.discarding')}
        tone="danger"
        action={discard}
        onClose={() => setDiscarding(null)}
      />
      <Show when={notice()}>
        <Alert tone="success">{notice()}</Alert>
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(formsErrorKey(failure()))}</Alert>
      </Show>
      <Show when={removed()}>
        {(last) => (
          <Alert tone="info">
            {t('designer.fieldRemoved', { label: last().label })}{' '}
            <button type="button" class="button button--quiet" onClick={undoRemove}>
              {t('designer.undo')}
            </button>
          </Alert>
        )}
      </Show>
      <DesignProblems form={form()} parsed={parsed()} />

      <section class="card designer-form" aria-labelledby="form-settings-heading">
        <h2 class="card__title" id="form-settings-heading">
          {t('designer.formSettings')}
        </h2>
        <Show when={props.isNew && draftVersion() === null}>
          <TextInput
            label={t('designer.formId')}
            value={form().id}
            onChange={(id) => edit({ ...form(), id })}
          />
          <p class="field__hint">{t('designer.formIdHint')}</p>
        </Show>
        <LocalizedInputs
          label={t('designer.formTitle')}
          value={form().title}
          onChange={(title) => title && edit({ ...form(), title })}
        />
        <LocalizedInputs
          label={t('designer.formDescription')}
          value={form().description}
          optional
          multiline
          onChange={(description) => {
            const { description: _, ...rest } = form();
            edit(description ? { ...rest, description } : rest);
          }}
        />
      </section>

      <div class="designer-grid">
        <FieldPalette onAdd={(type) => add(type)} />
        <div class="designer-column">
          <FieldList
            fields={form().fields}
            selected={selected()}
            onSelect={setSelected}
            onInsert={(type, at) => add(type, at)}
            onMove={move}
            onRemove={remove}
          />
          <Show
            when={selected() !== null && form().fields[selected() as number]}
            fallback={<p class="muted designer-hint">{t('designer.selectHint')}</p>}
          >
            {(field) => (
              <FieldProperties
                form={form()}
                field={field()}
                onChange={(next) => edit(replaceField(form(), selected() as number, next))}
                onRename={(id) => edit(renameField(form(), selected() as number, id))}
              />
            )}
          </Show>
          <FormRules form={form()} kind="rules" onChange={(rules) => edit({ ...form(), rules })} />
          <FormRules
            form={form()}
            kind="riskFlags"
            onChange={(riskFlags) => edit({ ...form(), riskFlags })}
          />
        </div>
        <section class="card designer-preview" aria-labelledby="preview-heading">
          <div class="designer-preview__header">
            <h2 class="card__title" id="preview-heading">
              {t('designer.preview')}
            </h2>
            <button
              type="button"
              class="button button--quiet"
              onClick={() => {
                setPreviewValues({});
                setPreviewTouched(new Set<string>());
              }}
            >
              {t('designer.previewReset')}
            </button>
          </div>
          <Show when={preview()} fallback={<p class="empty">{t('designer.previewEmpty')}</p>}>
            {(definition) => (
              <FormRenderer
                form={definition()}
                values={previewValues()}
                onChange={(fieldId, value) => {
                  setPreviewValues((current) => ({ ...current, [fieldId]: value }));
                  setPreviewTouched((current) => new Set([...current, fieldId]));
                }}
                showAllErrors={false}
                touched={previewTouched()}
              />
            )}
          </Show>
        </section>
      </div>
    </>
  );
}
