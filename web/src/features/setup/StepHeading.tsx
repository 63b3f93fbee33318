import { onMount, type ParentProps } from 'solid-js';

/** A step's heading takes focus when the step appears, so keyboard and screen-reader users land on it. */
export function StepHeading(props: ParentProps) {
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());
  return (
    <h1 class="step-heading" tabindex="-1" ref={heading}>
      {props.children}
    </h1>
  );
}
