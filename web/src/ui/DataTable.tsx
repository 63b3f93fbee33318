import { For, type JSX, Show } from 'solid-js';

/**
 * A column heading: its label, or the label with `hidden` (for screen readers only, e.g. a column
 * of buttons) or `numeric` (right-aligned like its cells).
 */
export type Column = string | { label: string; hidden?: boolean; numeric?: boolean };

/**
 * The table every list page draws: its empty message when there are no rows, otherwise a
 * scrollable table with a caption, one heading per column and a row per item.
 */
export function DataTable<T>(props: {
  items: readonly T[];
  empty: string;
  columns: readonly Column[];
  caption?: string;
  labelledBy?: string;
  children: (item: T) => JSX.Element;
}) {
  return (
    <Show when={props.items.length > 0} fallback={<p class="empty">{props.empty}</p>}>
      <div class="table-wrap">
        <table class="table" aria-labelledby={props.labelledBy}>
          <Show when={props.caption}>
            <caption>{props.caption}</caption>
          </Show>
          <thead>
            <tr>
              <For each={props.columns}>
                {(column) =>
                  typeof column === 'string' ? (
                    <th scope="col">{column}</th>
                  ) : (
                    <th scope="col" classList={{ numeric: column.numeric === true }}>
                      <Show when={column.hidden} fallback={column.label}>
                        <span class="visually-hidden">{column.label}</span>
                      </Show>
                    </th>
                  )
                }
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.items}>{(item) => props.children(item)}</For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
