import { For } from 'solid-js';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Plain-text email with its http(s) links made clickable; nothing is parsed as HTML. */
export function EmailText(props: { text: string }) {
  const parts = () => props.text.split(URL_PATTERN);
  return (
    <p class="email-text">
      <For each={parts()}>{(part, index) => (index() % 2 === 1 ? <a href={part}>{part}</a> : part)}</For>
    </p>
  );
}
