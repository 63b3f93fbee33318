import { Checkbox as Kobalte } from '@kobalte/core/checkbox';
import { Show } from 'solid-js';
import { CheckIcon } from './icons';

export interface CheckboxProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  value?: string;
  disabled?: boolean;
}

export function Checkbox(props: CheckboxProps) {
  return (
    <Kobalte
      class="checkbox"
      checked={props.checked}
      onChange={props.onChange}
      value={props.value ?? 'on'}
      disabled={props.disabled ?? false}
    >
      <Kobalte.Input class="checkbox__input visually-hidden" />
      <Kobalte.Control class="checkbox__control">
        <Show when={props.checked}>
          <Kobalte.Indicator>
            <CheckIcon />
          </Kobalte.Indicator>
        </Show>
      </Kobalte.Control>
      <Kobalte.Label class="checkbox__label">{props.label}</Kobalte.Label>
    </Kobalte>
  );
}
