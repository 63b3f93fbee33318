import { A } from '@solidjs/router';
import { createResource, createSignal, createUniqueId, For, Show } from 'solid-js';
import { formCatalog } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { formsErrorKey } from './forms-errors';
import { localized } from './localized';

/**
 * "Other forms…" on a case: the center's published forms a record can be written with, besides
 * the ones the case page offers as buttons.
 */
export function FormPicker(props: { caseId: string; except: readonly string[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const listId = createUniqueId();
  const [open, setOpen] = createSignal(false);
  const [catalog] = createResource(open, formCatalog);
  const others = () => (catalog() ?? []).filter((form) => !props.except.includes(form.id));

  return (
    <div class="form-picker">
      <button
        type="button"
        class="button"
        aria-expanded={open()}
        aria-controls={listId}
        onClick={() => setOpen(!open())}
      >
        {t('forms.picker.open')}
      </button>
      <Show when={open()}>
        <div class="form-picker__panel card" id={listId}>
          <Show when={!catalog.loading} fallback={<p class="muted">{t('common.loading')}</p>}>
            <Show
              when={!catalog.error}
              fallback={<p class="field__error">{t(formsErrorKey(catalog.error))}</p>}
            >
              <Show when={others().length > 0} fallback={<p class="muted">{t('forms.picker.none')}</p>}>
                <ul class="form-picker__list">
                  <For each={others()}>
                    {(form) => (
                      <li>
                        <A href={`/cases/${props.caseId}/write/${form.id}`}>{localized(i18n, form.title)}</A>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </Show>
          </Show>
        </div>
      </Show>
    </div>
  );
}
