import { createUniqueId, For, Show } from 'solid-js';

/** A native select with its label, and an error announced with it when there is one. */
export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  optionLabel: (value: T) => string;
  onChange: (value: T) => void;
  disabled: boolean;
  /** a first, empty choice ("choose…") when nothing is selected yet */
  placeholder?: string;
  error?: string | null;
  required?: boolean;
}) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <select
        id={id}
        class="field__select"
        value={props.value}
        disabled={props.disabled}
        required={props.required ?? false}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(event) => props.onChange(event.currentTarget.value as T)}
      >
        <Show when={props.placeholder !== undefined}>
          <option value="">{props.placeholder}</option>
        </Show>
        <For each={props.options}>
          {(option) => <option value={option}>{props.optionLabel(option)}</option>}
        </For>
      </select>
      <Show when={props.error}>
        <p class="field__error" id={`${id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}
