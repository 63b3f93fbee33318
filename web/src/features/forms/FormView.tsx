import { For, Show } from 'solid-js';
import {
  type FormDefinition,
  type FormField,
  type FormValues,
  isVisible,
} from '../../../../core/forms/index';
import { useI18n } from '../../lib/i18n';
import { localized } from './localized';
import './forms.css';

/** A filled form, read-only: the fields that hold a value, under their section headings. */
export function FormView(props: { form: FormDefinition; values: FormValues }) {
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

  return (
    <dl class="form-view">
      <For each={shown()}>
        {(field) => (
          <Show
            when={field.type !== 'section'}
            fallback={<h4 class="form-view__section">{localized(i18n, field.label)}</h4>}
          >
            <div class="form-view__item" classList={{ 'form-view__item--long': field.type === 'longText' }}>
              <dt>{localized(i18n, field.label)}</dt>
              <dd>{display(field, props.values[field.id])}</dd>
            </div>
          </Show>
        )}
      </For>
    </dl>
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
