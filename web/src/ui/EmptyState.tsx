import { type JSX, Show } from 'solid-js';

/** What a list shows when it has nothing yet: what is missing, how it gets there, and a way to start. */
export function EmptyState(props: { title: string; hint?: string; action?: JSX.Element }) {
  return (
    <div class="empty-state">
      <p class="empty">{props.title}</p>
      <Show when={props.hint}>
        <p class="muted">{props.hint}</p>
      </Show>
      <Show when={props.action}>
        <div class="button-row">{props.action}</div>
      </Show>
    </div>
  );
}
