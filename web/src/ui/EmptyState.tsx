import { type JSX, Show } from 'solid-js';

/** What a list shows while it has nothing: what is missing, how it gets there, and the button for it. */
export function EmptyState(props: { title: string; hint?: string | undefined; action?: JSX.Element }) {
  return (
    <div class="empty-state">
      <p class="empty-state__title">{props.title}</p>
      <Show when={props.hint}>
        <p class="empty-state__hint">{props.hint}</p>
      </Show>
      <Show when={props.action}>
        <div class="empty-state__action">{props.action}</div>
      </Show>
    </div>
  );
}
