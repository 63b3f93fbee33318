import { createUniqueId, For, Show } from 'solid-js';
import { Checkbox } from './Checkbox';

/**
 * A fieldset of checkboxes choosing a subset of `options`; the chosen values always come back in
 * the options' order, whatever order they were ticked in.
 */
export function CheckboxGroup<T extends string>(props: {
  legend: string;
  options: readonly T[];
  labelOf: (option: T) => string;
  selected: readonly T[];
  onChange: (selected: readonly T[]) => void;
  error?: string | null;
  disabled?: boolean;
}) {
  const errorId = createUniqueId();
  const toggle = (option: T, checked: boolean) =>
    props.onChange(
      checked
        ? props.options.filter((each) => each === option || props.selected.includes(each))
        : props.selected.filter((each) => each !== option),
    );
  return (
    <fieldset class="fieldset" aria-describedby={props.error ? errorId : undefined}>
      <legend class="fieldset__legend">{props.legend}</legend>
      <div class="checkbox-list">
        <For each={props.options}>
          {(option) => (
            <Checkbox
              label={props.labelOf(option)}
              value={option}
              checked={props.selected.includes(option)}
              onChange={(checked) => toggle(option, checked)}
              disabled={props.disabled ?? false}
            />
          )}
        </For>
      </div>
      <Show when={props.error}>
        {(message) => (
          <p class="field__error" id={errorId}>
            {message()}
          </p>
        )}
      </Show>
    </fieldset>
  );
}
