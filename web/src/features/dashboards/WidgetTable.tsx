import { For } from 'solid-js';

/** A widget's figures as a table: the chart's text alternative, and the whole of a table widget. */
export function WidgetTable(props: {
  caption: string;
  corner: string;
  columns: readonly string[];
  /** each row: its label, then one cell per column */
  rows: readonly (readonly string[])[];
}) {
  return (
    <div class="table-wrap">
      <table class="table widget__table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.corner}</th>
            <For each={props.columns}>{(column) => <th scope="col">{column}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {([label, ...cells]) => (
              <tr>
                <th scope="row">{label}</th>
                <For each={cells}>{(cell) => <td>{cell}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
