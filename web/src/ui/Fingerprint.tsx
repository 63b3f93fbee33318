import { For } from 'solid-js';

/** A key fingerprint in its groups of 8 hex digits (PROTOCOL §4), easy to read aloud and compare. */
export function Fingerprint(props: { value: string }) {
  const groups = () => props.value.split(/\s+/).filter((group) => group.length > 0);
  return (
    <span class="fingerprint">
      <For each={groups()}>{(group) => <span>{group}</span>}</For>
    </span>
  );
}
