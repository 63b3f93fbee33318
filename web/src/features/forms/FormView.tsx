import { createSignal, For, Match, Show, Switch } from 'solid-js';
import {
  computeScore,
  type FormDefinition,
  type FormField,
  type FormValues,
  isVisible,
  riskFlags,
} from '../../../../core/forms/index';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { asStoredFile, formatFileSize, type StoredFile } from './file-value';
import { localized } from './localized';
import './forms.css';

/** Fetches and opens an attachment a record refers to (the case page lends the keys). */
export type DownloadFile = (file: StoredFile) => Promise<Uint8Array>;

/** A filled form, read-only: the fields that hold a value, under their section headings. */
export function FormView(props: { form: FormDefinition; values: FormValues; download?: DownloadFile }) {
  const i18n = useI18n();
  /** Filled fields, and the heading of each section that has at least one of them. */
  const shown = () => {
    const filled = props.form.fields.filter(
      (field) =>
        field.type !== 'section' && isVisible(field, props.values) && hasValue(props.values[field.id]),
    );
    return props.form.fields.filter((field, index) => {
      if (field.type !== 'section') return filled.includes(field);
      const next = props.form.fields.findIndex((later, at) => at > index && later.type === 'section');
      const end = next === -1 ? props.form.fields.length : next;
      return props.form.fields.slice(index + 1, end).some((inner) => filled.includes(inner));
    });
  };

  const display = (field: FormField, value: unknown): string => {
    if (typeof value === 'boolean') return i18n.t(value ? 'form.yes' : 'form.no');
    if (field.type === 'score') {
      const band = computeScore(field, props.values)?.band;
      return band ? `${String(value)} · ${localized(i18n, band)}` : String(value);
    }
    if (field.type === 'dateTime' && typeof value === 'string') return value.replace('T', ' ');
    const optionLabel = (item: unknown) => {
      if (!('options' in field)) return String(item);
      const option = (
        field.options as { value: string | number; label: { 'zh-CN': string; en: string } }[]
      ).find((candidate) => candidate.value === item);
      return option ? localized(i18n, option.label) : String(item);
    };
    if (Array.isArray(value)) return value.map(optionLabel).join('、');
    return optionLabel(value);
  };

  const flags = () => riskFlags(props.form, props.values);

  return (
    <>
      <Show when={flags().length > 0}>
        <ul class="form-view__risks" aria-label={i18n.t('form.riskFlags')}>
          <For each={flags()}>{(flag) => <li class="badge form-view__risk">{localized(i18n, flag)}</li>}</For>
        </ul>
      </Show>
      <dl class="form-view">
        <For each={shown()}>
          {(field) => (
            <Show
              when={field.type !== 'section'}
              fallback={<h4 class="form-view__section">{localized(i18n, field.label)}</h4>}
            >
              <div class="form-view__item" classList={{ 'form-view__item--long': field.type === 'longText' }}>
                <dt>{localized(i18n, field.label)}</dt>
                <dd>
                  <Switch fallback={display(field, props.values[field.id])}>
                    <Match when={field.type === 'file' && asStoredFile(props.values[field.id])}>
                      {(file) => <FileValueView file={file()} download={props.download} />}
                    </Match>
                    <Match when={field.type === 'signature'}>
                      <img
                        class="form-view__signature"
                        src={String(props.values[field.id])}
                        alt={i18n.t('form.signature.signed', { label: localized(i18n, field.label) })}
                      />
                    </Match>
                  </Switch>
                </dd>
              </div>
            </Show>
          )}
        </For>
      </dl>
    </>
  );
}

/** An attachment's name and size, and a button that decrypts it here and offers it as a download. */
function FileValueView(props: { file: StoredFile; download: DownloadFile | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const name = () => props.file.name ?? t('form.file.unnamed');

  const save = async (download: DownloadFile) => {
    setBusy(true);
    setFailure(null);
    try {
      const bytes = await download(props.file);
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
        type: props.file.type ?? 'application/octet-stream',
      });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name();
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      // the click has handed the URL to the download; revoking at once can cancel it in some browsers
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="form-view__file">
      <span>{t('form.file.chosen', { name: name(), size: formatFileSize(props.file.size) })}</span>
      <Show when={props.download}>
        {(download) => (
          <button
            type="button"
            class="button button--quiet"
            disabled={busy()}
            aria-label={t('form.file.downloadNamed', { name: name() })}
            onClick={() => void save(download())}
          >
            {busy() ? t('form.file.downloading') : t('form.file.download')}
          </button>
        )}
      </Show>
      <Show when={failure()}>
        <span class="field__error" role="alert">
          {t(errorMessageKey(failure()))}
        </span>
      </Show>
    </div>
  );
}

/** Values of a form this browser does not know: shown as they are, field by field. */
export function RawValuesView(props: { values: FormValues }) {
  return (
    <dl class="form-view">
      <For each={Object.entries(props.values)}>
        {([name, value]) => (
          <div class="form-view__item">
            <dt>{name}</dt>
            <dd>{Array.isArray(value) ? value.join(', ') : String(value)}</dd>
          </div>
        )}
      </For>
    </dl>
  );
}

function hasValue(value: unknown): boolean {
  return (
    value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)
  );
}
