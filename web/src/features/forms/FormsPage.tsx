import { A, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import type { FormSummary } from '../../../../core/api/index';
import { BUILT_IN_FORMS, OFFERED_BY_DEFAULT } from '../../../../core/forms/templates/index';
import { installTemplate, listForms } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { DataTable } from '../../ui/DataTable';
import { formsErrorKey } from './forms-errors';
import { localized } from './localized';
import './designer.css';

/** /admin/forms — the center's forms with their versions and drafts, and the shipped templates. */
export function FormsPage() {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const [search] = useSearchParams<{ published?: string }>();
  const [forms, { refetch }] = createResource(listForms);
  const [installing, setInstalling] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<string | null>(
    search.published ? t('designer.published', { ref: search.published }) : null,
  );
  const [failure, setFailure] = createSignal<unknown>(null);

  const install = async (id: string) => {
    setInstalling(id);
    setFailure(null);
    setNotice(null);
    try {
      const installed = await installTemplate(id);
      setNotice(t('forms.installed', { ref: installed.ref }));
      await refetch();
    } catch (error) {
      setFailure(error);
    } finally {
      setInstalling(null);
    }
  };

  return (
    <div class="admin-page">
      <div class="page-header">
        <h1>{t('forms.heading')}</h1>
        <A class="button button--primary" href="/admin/forms/new">
          {t('forms.new')}
        </A>
      </div>
      <p class="muted">{t('forms.intro')}</p>
      <Show when={notice()}>
        <Alert tone="success">{notice()}</Alert>
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(formsErrorKey(failure()))}</Alert>
      </Show>
      <AsyncContent resource={forms} onRetry={() => void refetch()}>
        {(list) => (
          <>
            <section class="card" aria-labelledby="own-forms-heading">
              <h2 class="card__title" id="own-forms-heading">
                {t('forms.own')}
              </h2>
              <DataTable
                items={list}
                empty={t('forms.empty')}
                columns={[
                  t('forms.col.title'),
                  t('forms.col.versions'),
                  t('forms.col.draft'),
                  { label: t('forms.col.actions'), hidden: true },
                ]}
              >
                {(form) => <FormRow form={form} formatDateTime={formatDateTime} />}
              </DataTable>
            </section>
            <section class="card" aria-labelledby="templates-heading">
              <h2 class="card__title" id="templates-heading">
                {t('forms.templates')}
              </h2>
              <p class="muted">{t('forms.templatesIntro')}</p>
              <ul class="template-list">
                <For each={BUILT_IN_FORMS}>
                  {(template) => {
                    const stored = () => list.find((form) => form.id === template.id);
                    const offered = OFFERED_BY_DEFAULT.includes(template.id);
                    return (
                      <li class="template-list__item">
                        <div>
                          <strong>{localized(i18n, template.title)}</strong>
                          <Show when={template.description}>
                            {(description) => <p class="muted">{localized(i18n, description())}</p>}
                          </Show>
                        </div>
                        <div class="button-row">
                          <Show
                            when={!stored() && !offered}
                            fallback={
                              <span class="badge">
                                {t(stored() ? 'forms.installedBadge' : 'forms.offeredBadge')}
                              </span>
                            }
                          >
                            <button
                              type="button"
                              class="button button--primary"
                              disabled={installing() !== null}
                              aria-label={t('forms.installNamed', { title: localized(i18n, template.title) })}
                              onClick={() => void install(template.id)}
                            >
                              {installing() === template.id ? t('forms.installing') : t('forms.install')}
                            </button>
                          </Show>
                          <A
                            class="button"
                            href={`/admin/forms/${template.id}/edit`}
                            aria-label={t('forms.customizeNamed', { title: localized(i18n, template.title) })}
                          >
                            {t('forms.customize')}
                          </A>
                        </div>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </section>
          </>
        )}
      </AsyncContent>
    </div>
  );
}

function FormRow(props: { form: FormSummary; formatDateTime: (ms: number) => string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const title = () => localized(i18n, props.form.title);
  return (
    <tr>
      <th scope="row">
        {title()}
        <span class="muted form-id"> {props.form.id}</span>
      </th>
      <td>
        <Show
          when={props.form.versions.length > 0}
          fallback={<span class="muted">{t('forms.unpublished')}</span>}
        >
          <span class="badge-list">
            <For each={props.form.versions}>
              {(version) => (
                <span class="badge" title={props.formatDateTime(version.publishedAt)}>
                  {t('forms.version', { version: version.version })}
                </span>
              )}
            </For>
          </span>
        </Show>
      </td>
      <td>
        <Show when={props.form.draft} fallback={<span class="muted">{t('forms.noDraft')}</span>}>
          {(draft) => (
            <span>
              {t('forms.draftOf', {
                version: draft().version,
                date: props.formatDateTime(draft().updatedAt),
              })}
            </span>
          )}
        </Show>
      </td>
      <td>
        <A
          class="button"
          href={`/admin/forms/${props.form.id}/edit`}
          aria-label={t(props.form.draft ? 'forms.editDraftNamed' : 'forms.newVersionNamed', {
            title: title(),
          })}
        >
          {t(props.form.draft ? 'forms.editDraft' : 'forms.newVersion')}
        </A>
      </td>
    </tr>
  );
}
