import { Checkbox as KobalteCheckbox } from '@kobalte/core/checkbox';
import { RadioGroup } from '@kobalte/core/radio-group';
import { TextField } from '@kobalte/core/text-field';
import { createMemo, createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js';
import {
  computeScore,
  type FieldError,
  type FormDefinition,
  type FormField,
  type FormValues,
  isRequired,
  isVisible,
  validateValues,
} from '../../../../core/forms/index';
import { useI18n } from '../../lib/i18n';
import { Checkbox } from '../../ui/Checkbox';
import { CheckIcon } from '../../ui/icons';
import { asStoredFile, fileLimit, formatFileSize, pendingFile } from './file-value';
import { fieldErrorText, localized } from './localized';
import { SignaturePad } from './SignaturePad';
import './forms.css';

/**
 * A generic, accessible renderer for core/forms definitions (the form-engine issue extends it):
 * one control per field type, show-if and required-if evaluated as values change, and the
 * validation messages of `validateValues` under each field as you type.
 */

export interface FormRendererProps {
  form: FormDefinition;
  values: FormValues;
  onChange: (fieldId: string, value: unknown) => void;
  /** show errors of fields not yet touched (after a first save attempt) */
  showAllErrors: boolean;
  touched: ReadonlySet<string>;
  disabled?: boolean;
}

/** The values of visible fields only: what is hidden is never stored. */
export function visibleValues(form: FormDefinition, values: FormValues): FormValues {
  const kept: FormValues = {};
  for (const field of form.fields) {
    if (field.type === 'section' || !isVisible(field, values)) continue;
    const value = values[field.id];
    if (value !== undefined && value !== null && value !== '') kept[field.id] = value;
  }
  return kept;
}

export function FormRenderer(props: FormRendererProps) {
  const i18n = useI18n();
  const errors = createMemo(() => validateValues(props.form, visibleValues(props.form, props.values)));
  const errorFor = (field: FormField): string | null => {
    if (!props.showAllErrors && !props.touched.has(field.id)) return null;
    const found = errors().find((error) => error.field === field.id);
    return found ? fieldErrorText(i18n, found) : null;
  };
  const ruleErrors = (): FieldError[] =>
    props.showAllErrors ? errors().filter((error) => error.field === null) : [];

  return (
    <div class="form-renderer">
      <For each={props.form.fields}>
        {(field) => (
          <Show when={isVisible(field, props.values)}>
            <FieldControl
              field={field}
              values={props.values}
              value={props.values[field.id]}
              required={isRequired(field, props.values)}
              error={errorFor(field)}
              disabled={props.disabled ?? false}
              onChange={(value) => props.onChange(field.id, value)}
            />
          </Show>
        )}
      </For>
      <For each={ruleErrors()}>
        {(error) => (
          <p class="field__error" role="alert">
            {fieldErrorText(i18n, error)}
          </p>
        )}
      </For>
    </div>
  );
}

interface FieldControlProps {
  field: FormField;
  /** every value, for a score's items */
  values: FormValues;
  value: unknown;
  required: boolean;
  error: string | null;
  disabled: boolean;
  onChange: (value: unknown) => void;
}

function FieldControl(props: FieldControlProps) {
  const i18n = useI18n();
  const label = () => localized(i18n, props.field.label);
  const selectId = createUniqueId();
  const help = () => (props.field.help ? localized(i18n, props.field.help) : undefined);
  // DESIGN §2: say which answers the server sees, so the limits of zero knowledge are visible
  const hint = () => {
    const parts = [
      help(),
      props.field.sensitivity === 'operational' ? i18n.t('form.operationalNote') : undefined,
    ];
    const text = parts.filter((part) => part !== undefined).join(' ');
    return text === '' ? undefined : text;
  };
  const asText = () => (typeof props.value === 'string' ? props.value : '');
  const [tooLarge, setTooLarge] = createSignal(false);
  const chooseFile = (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    if (!chosen) return;
    const large = chosen.size > fileLimit(props.field);
    setTooLarge(large);
    if (large) {
      input.value = '';
      return;
    }
    props.onChange(pendingFile(chosen));
  };
  const fileError = () =>
    tooLarge()
      ? i18n.t('form.file.tooLarge', { limit: formatFileSize(fileLimit(props.field)) })
      : props.error;
  const options = () =>
    'options' in props.field
      ? props.field.options.map((option) => ({
          value: String(option.value),
          label: localized(i18n, option.label),
        }))
      : [];

  return (
    <Switch fallback={<p class="muted">{i18n.t('form.unsupported')}</p>}>
      <Match when={props.field.type === 'section'}>
        <h3 class="form-section">{label()}</h3>
        <Show when={help()}>
          <p class="form-section__help">{help()}</p>
        </Show>
      </Match>
      <Match when={props.field.type === 'signature'}>
        <SignaturePad
          label={label()}
          help={help()}
          value={props.value}
          required={props.required}
          error={props.error}
          disabled={props.disabled}
          onChange={props.onChange}
        />
      </Match>
      <Match when={props.field.type === 'score' && props.field}>
        {(field) => <ScoreOutput field={field() as ScoreField} values={props.values} label={label()} />}
      </Match>
      <Match when={['text', 'longText', 'number', 'date', 'time', 'dateTime'].includes(props.field.type)}>
        <TextField
          class="field"
          value={props.field.type === 'number' ? numberText(props.value) : asText()}
          onChange={(text) => props.onChange(parseInput(props.field, text))}
          validationState={props.error ? 'invalid' : 'valid'}
          required={props.required}
          disabled={props.disabled}
        >
          <TextField.Label class="field__label">{label()}</TextField.Label>
          <Show
            when={props.field.type === 'longText'}
            fallback={
              <TextField.Input
                class="field__input"
                type={INPUT_TYPES[props.field.type] ?? 'text'}
                inputMode={props.field.type === 'number' ? 'decimal' : undefined}
              />
            }
          >
            <TextField.TextArea class="field__input field__textarea" rows={4} />
          </Show>
          <Show when={hint()}>
            <TextField.Description class="field__hint">{hint()}</TextField.Description>
          </Show>
          <TextField.ErrorMessage class="field__error">{props.error}</TextField.ErrorMessage>
        </TextField>
      </Match>
      <Match when={props.field.type === 'singleChoice' || props.field.type === 'likert'}>
        <RadioGroup
          class="field radio-group"
          value={props.value === undefined || props.value === null ? '' : String(props.value)}
          onChange={(chosen) => props.onChange(props.field.type === 'likert' ? Number(chosen) : chosen)}
          validationState={props.error ? 'invalid' : 'valid'}
          required={props.required}
          disabled={props.disabled}
        >
          <RadioGroup.Label class="field__label">{label()}</RadioGroup.Label>
          <div
            class="radio-group__items"
            classList={{ 'radio-group__items--scale': props.field.type === 'likert' }}
          >
            <For each={options()}>
              {(option) => (
                <RadioGroup.Item value={option.value} class="radio">
                  <RadioGroup.ItemInput class="visually-hidden" />
                  <RadioGroup.ItemControl class="radio__control">
                    <RadioGroup.ItemIndicator class="radio__indicator" />
                  </RadioGroup.ItemControl>
                  <RadioGroup.ItemLabel class="radio__label">{option.label}</RadioGroup.ItemLabel>
                </RadioGroup.Item>
              )}
            </For>
          </div>
          <Show when={hint()}>
            <RadioGroup.Description class="field__hint">{hint()}</RadioGroup.Description>
          </Show>
          <RadioGroup.ErrorMessage class="field__error">{props.error}</RadioGroup.ErrorMessage>
        </RadioGroup>
      </Match>
      <Match when={props.field.type === 'dropdown'}>
        <div class="field">
          <label class="field__label" for={selectId}>
            {label()}
          </label>
          <select
            id={selectId}
            aria-describedby={
              [hint() ? `${selectId}-hint` : '', props.error ? `${selectId}-error` : ''].join(' ').trim() ||
              undefined
            }
            class="field__select"
            value={asText()}
            required={props.required}
            disabled={props.disabled}
            aria-invalid={props.error ? 'true' : undefined}
            onChange={(event) => props.onChange(event.currentTarget.value || null)}
          >
            <option value="">{i18n.t('form.choose')}</option>
            <For each={options()}>{(option) => <option value={option.value}>{option.label}</option>}</For>
          </select>
          <Show when={hint()}>
            <span class="field__hint" id={`${selectId}-hint`}>
              {hint()}
            </span>
          </Show>
          <Show when={props.error}>
            <span class="field__error" id={`${selectId}-error`}>
              {props.error}
            </span>
          </Show>
        </div>
      </Match>
      <Match when={props.field.type === 'multipleChoice'}>
        <fieldset
          class="fieldset"
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={hint() ? `${selectId}-hint` : undefined}
        >
          <legend class="fieldset__legend">{label()}</legend>
          <Show when={hint()}>
            <p class="field__hint" id={`${selectId}-hint`}>
              {hint()}
            </p>
          </Show>
          <div class="checkbox-list">
            <For each={options()}>
              {(option) => {
                const chosen = () => (Array.isArray(props.value) ? (props.value as string[]) : []);
                return (
                  <Checkbox
                    label={option.label}
                    value={option.value}
                    checked={chosen().includes(option.value)}
                    disabled={props.disabled}
                    onChange={(checked) =>
                      props.onChange(
                        checked
                          ? [...chosen(), option.value]
                          : chosen().filter((value) => value !== option.value),
                      )
                    }
                  />
                );
              }}
            </For>
          </div>
          <Show when={props.error}>
            <p class="field__error">{props.error}</p>
          </Show>
        </fieldset>
      </Match>
      <Match when={props.field.type === 'checkbox'}>
        <KobalteCheckbox
          class="checkbox field"
          checked={props.value === true}
          onChange={(checked) => props.onChange(checked)}
          validationState={props.error ? 'invalid' : 'valid'}
          disabled={props.disabled}
        >
          <KobalteCheckbox.Input class="checkbox__input visually-hidden" />
          <KobalteCheckbox.Control class="checkbox__control">
            <KobalteCheckbox.Indicator>
              <CheckIcon />
            </KobalteCheckbox.Indicator>
          </KobalteCheckbox.Control>
          <KobalteCheckbox.Label class="checkbox__label">{label()}</KobalteCheckbox.Label>
          <Show when={hint()}>
            <KobalteCheckbox.Description class="field__hint checkbox__hint">
              {hint()}
            </KobalteCheckbox.Description>
          </Show>
          <KobalteCheckbox.ErrorMessage class="field__error">{props.error}</KobalteCheckbox.ErrorMessage>
        </KobalteCheckbox>
      </Match>
      <Match when={props.field.type === 'file'}>
        <div class="field">
          <label class="field__label" for={selectId}>
            {label()}
          </label>
          <input
            id={selectId}
            type="file"
            class="field__file"
            required={props.required && !asStoredFile(props.value)}
            disabled={props.disabled}
            aria-invalid={fileError() ? 'true' : undefined}
            aria-describedby={`${selectId}-chosen ${selectId}-hint${fileError() ? ` ${selectId}-error` : ''}`}
            onChange={(event) => chooseFile(event.currentTarget)}
          />
          <p class="field__hint" id={`${selectId}-chosen`} aria-live="polite">
            <Show when={asStoredFile(props.value)} fallback={i18n.t('form.file.none')}>
              {(file) =>
                i18n.t('form.file.chosen', {
                  name: file().name ?? i18n.t('form.file.unnamed'),
                  size: formatFileSize(file().size),
                })
              }
            </Show>
          </p>
          <p class="field__hint" id={`${selectId}-hint`}>
            {help() ?? i18n.t('form.file.limit', { limit: formatFileSize(fileLimit(props.field)) })}
          </p>
          <Show when={fileError()}>
            <span class="field__error" id={`${selectId}-error`} role="alert">
              {fileError()}
            </span>
          </Show>
        </div>
      </Match>
    </Switch>
  );
}

type ScoreField = Extract<FormField, { type: 'score' }>;

/** A computed score, updated as its items are answered, with the band it falls in. */
function ScoreOutput(props: { field: ScoreField; values: FormValues; label: string }) {
  const i18n = useI18n();
  const score = () => computeScore(props.field, props.values);
  return (
    <div class="field score">
      <span class="field__label">{props.label}</span>
      <output
        class="score__value"
        aria-live="polite"
        classList={{ 'score__value--risk': score()?.risk === true }}
      >
        <Show when={score()} fallback={i18n.t('form.score.pending')}>
          {(result) => (
            <>
              <strong>{result().value}</strong>
              <Show when={result().band}>{(band) => <span> · {localized(i18n, band())}</span>}</Show>
            </>
          )}
        </Show>
      </output>
    </div>
  );
}

const INPUT_TYPES: Partial<Record<FormField['type'], string>> = {
  number: 'text',
  date: 'date',
  time: 'time',
  dateTime: 'datetime-local',
};

function numberText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : '';
}

/** Numbers stay text while half typed ("1."), so validation can say what is wrong with them. */
function parseInput(field: FormField, text: string): unknown {
  if (text === '') return null;
  if (field.type !== 'number') return text;
  const number = Number(text);
  return text.trim() !== '' && Number.isFinite(number) ? number : text;
}
