import { TextField as Kobalte } from '@kobalte/core/text-field';
import { type JSX, Show } from 'solid-js';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  hint?: string;
  /** A translated message; shown and announced only when present. */
  error?: string | null;
  required?: boolean;
  disabled?: boolean;
  autofocus?: boolean;
  spellcheck?: boolean;
  /** A control placed inside the field's right edge, e.g. "show passphrase". */
  action?: JSX.Element;
  class?: string;
}

export function TextField(props: TextFieldProps) {
  return (
    <Kobalte
      class={`field ${props.class ?? ''}`}
      value={props.value}
      onChange={props.onChange}
      validationState={props.error ? 'invalid' : 'valid'}
      required={props.required ?? false}
      disabled={props.disabled ?? false}
    >
      <Kobalte.Label class="field__label">{props.label}</Kobalte.Label>
      <div class="field__control">
        <Kobalte.Input
          class="field__input"
          classList={{ 'field__input--with-action': props.action !== undefined }}
          type={props.type ?? 'text'}
          autocomplete={props.autocomplete ?? 'off'}
          autofocus={props.autofocus ?? false}
          spellcheck={props.spellcheck ?? false}
        />
        {props.action}
      </div>
      <Show when={props.hint}>
        <Kobalte.Description class="field__hint">{props.hint}</Kobalte.Description>
      </Show>
      <Kobalte.ErrorMessage class="field__error">{props.error}</Kobalte.ErrorMessage>
    </Kobalte>
  );
}
