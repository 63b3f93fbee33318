import { Show } from 'solid-js';

/**
 * A long operation under way, announced politely: a bar when the work comes in known steps
 * (`done` of `total`), a spinner when it does not. The label carries the words, the bar only the picture.
 */
export function Progress(props: { label: string; done?: number | undefined; total?: number | undefined }) {
  const total = () => props.total ?? 0;
  return (
    <div class="progress" role="status" aria-live="polite">
      <Show when={total() > 0} fallback={<span class="spinner" aria-hidden="true" />}>
        <progress
          class="progress__bar"
          max={total()}
          value={Math.min(props.done ?? 0, total())}
          aria-hidden="true"
        />
      </Show>
      <span>{props.label}</span>
    </div>
  );
}
