import { Show } from 'solid-js';

/**
 * A long operation under way, announced politely as it moves: a bar when its size is known
 * (`done` of `total`), a spinner otherwise. `label` already says where it is ("chunk 3 of 12").
 */
export function OperationProgress(props: { label: string; done?: number; total?: number }) {
  const known = () => props.total !== undefined && props.total > 0;
  return (
    <div class="operation-progress" role="status" aria-live="polite">
      <Show when={known()} fallback={<span class="spinner" aria-hidden="true" />}>
        <progress
          class="operation-progress__bar"
          max={props.total}
          value={props.done ?? 0}
          aria-hidden="true"
        />
      </Show>
      <span>{props.label}</span>
    </div>
  );
}
