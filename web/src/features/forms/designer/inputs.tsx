import { createUniqueId, Show } from 'solid-js';
import type { LocalizedText } from '../../../../../core/forms/index';
import { useI18n } from '../../../lib/i18n';

/** The designer's small, labelled inputs: text, optional numbers and dates, both languages. */

export function TextInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  type?: 'text' | 'date';
  disabled?: boolean;
}) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        class="field__input"
        type={props.type ?? 'text'}
        value={props.value}
        disabled={props.disabled ?? false}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onInput={(event) => props.onChange(event.currentTarget.value)}
      />
      <Show when={props.error}>
        <span class="field__error" id={`${id}-error`}>
          {props.error}
        </span>
      </Show>
    </div>
  );
}

/** A number that may be left empty (no limit). */
export function OptionalNumber(props: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  integer?: boolean;
}) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        class="field__input"
        type="number"
        step={props.integer ? 1 : 'any'}
        value={props.value ?? ''}
        onInput={(event) => {
          const raw = event.currentTarget.value;
          const number = Number(raw);
          props.onChange(raw === '' || !Number.isFinite(number) ? undefined : number);
        }}
      />
    </div>
  );
}

/** One text in both languages (a label, help, an option). Optional text is removed when both are empty. */
export function LocalizedInputs(props: {
  label: string;
  value: LocalizedText | undefined;
  onChange: (value: LocalizedText | undefined) => void;
  optional?: boolean;
  multiline?: boolean;
}) {
  const { t } = useI18n();
  const id = createUniqueId();
  const text = (locale: 'zh-CN' | 'en') => props.value?.[locale] ?? '';
  const set = (locale: 'zh-CN' | 'en', value: string) => {
    const next = { 'zh-CN': text('zh-CN'), en: text('en'), [locale]: value };
    props.onChange(props.optional && next['zh-CN'] === '' && next.en === '' ? undefined : next);
  };
  const missing = (locale: 'zh-CN' | 'en') =>
    (!props.optional || props.value !== undefined) && text(locale).trim() === '';
  return (
    <fieldset class="fieldset localized-inputs">
      <legend class="fieldset__legend">{props.label}</legend>
      {(['zh-CN', 'en'] as const).map((locale) => (
        <div class="field">
          <label class="field__label" for={`${id}-${locale}`}>
            {t(locale === 'zh-CN' ? 'designer.inChinese' : 'designer.inEnglish')}
          </label>
          <Show
            when={props.multiline}
            fallback={
              <input
                id={`${id}-${locale}`}
                class="field__input"
                lang={locale}
                value={text(locale)}
                aria-invalid={missing(locale) ? 'true' : undefined}
                onInput={(event) => set(locale, event.currentTarget.value)}
              />
            }
          >
            <textarea
              id={`${id}-${locale}`}
              class="field__input field__textarea"
              lang={locale}
              rows={3}
              value={text(locale)}
              onInput={(event) => set(locale, event.currentTarget.value)}
            />
          </Show>
          <Show when={missing(locale)}>
            <span class="field__error">{t('designer.textMissing')}</span>
          </Show>
        </div>
      ))}
    </fieldset>
  );
}
