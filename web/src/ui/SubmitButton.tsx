import { Show } from 'solid-js';

/** A form's primary button: disabled with a spinner and its own words while the work runs. */
export function SubmitButton(props: { busy: boolean; label: string; busyLabel: string; block?: boolean }) {
  return (
    <button
      type="submit"
      class={props.block === false ? 'button button--primary' : 'button button--primary button--block'}
      disabled={props.busy}
    >
      <Show when={props.busy} fallback={props.label}>
        <span class="spinner" aria-hidden="true" />
        {props.busyLabel}
      </Show>
    </button>
  );
}
