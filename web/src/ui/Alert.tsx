import type { ParentProps } from 'solid-js';

export type AlertTone = 'error' | 'success' | 'info' | 'warning';

/** Errors interrupt screen readers (role=alert); everything else is announced politely. */
export function Alert(props: ParentProps<{ tone: AlertTone }>) {
  return (
    <div class={`alert alert--${props.tone}`} role={props.tone === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}
