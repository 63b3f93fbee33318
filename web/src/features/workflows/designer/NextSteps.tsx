import { createSignal, For, Index, Show } from 'solid-js';
import type { WorkflowGraph, WorkflowNode } from '../../../../../core/workflows/model';
import { useI18n } from '../../../lib/i18n';
import { EdgeCondition, takesConditions } from './EdgeCondition';
import { connectRefusal, outgoingEdges } from './graph';
import { useStepText } from './step-text';

/**
 * The ways out of a step, edited without a pointer: pick the next step from a list, remove one,
 * and give each a condition with the rules editor's condition rows.
 */
export function NextSteps(props: {
  graph: WorkflowGraph;
  node: WorkflowNode;
  readOnly: boolean;
  onConnect: (to: string) => void;
  onDisconnect: (edgeIndex: number) => void;
  onCondition: (edgeIndex: number, when: unknown) => void;
}) {
  const { t } = useI18n();
  const text = useStepText();
  const [target, setTarget] = createSignal('');
  const edges = () => outgoingEdges(props.graph, props.node.id);
  const nodeById = (id: string) => props.graph.nodes.find((node) => node.id === id);
  const candidates = () =>
    props.graph.nodes.filter((node) => connectRefusal(props.graph, props.node.id, node.id) === null);
  const conditional = () => takesConditions(props.node.type);
  const selectId = () => `wfd-next-${props.node.id}`;

  return (
    <fieldset class="fieldset wfd-next">
      <legend class="fieldset__legend">{t('workflowDesigner.next.heading')}</legend>
      <Show when={edges().length > 0} fallback={<p class="muted">{t('workflowDesigner.next.none')}</p>}>
        <ul class="wfd-next__list">
          <Index each={edges()}>
            {(entry) => {
              const edge = () => entry().edge;
              const index = () => entry().index;
              const name = () => {
                const found = nodeById(edge().to);
                return found ? text.label(found) : edge().to;
              };
              return (
                <li class="wfd-next__item">
                  <div class="wfd-next__row">
                    <span>→ {name()}</span>
                    <Show when={!props.readOnly}>
                      <button
                        type="button"
                        class="button button--quiet"
                        aria-label={t('workflowDesigner.next.removeNamed', { name: name() })}
                        onClick={() => props.onDisconnect(index())}
                      >
                        {t('workflowDesigner.next.remove')}
                      </button>
                    </Show>
                  </div>
                  <Show when={conditional()}>
                    <EdgeCondition
                      graph={props.graph}
                      edgeIndex={index()}
                      readOnly={props.readOnly}
                      onCondition={props.onCondition}
                    />
                  </Show>
                </li>
              );
            }}
          </Index>
        </ul>
      </Show>
      <Show when={!props.readOnly && props.node.type !== 'end' && candidates().length > 0}>
        <div class="wfd-next__add">
          <div class="field">
            <label class="field__label" for={selectId()}>
              {t('workflowDesigner.next.pick')}
            </label>
            <select
              id={selectId()}
              class="field__select"
              value={target()}
              onChange={(event) => setTarget(event.currentTarget.value)}
            >
              <option value="" />
              <For each={candidates()}>
                {(node) => <option value={node.id}>{text.nodeName(node)}</option>}
              </For>
            </select>
          </div>
          <button
            type="button"
            class="button"
            disabled={target() === ''}
            onClick={() => {
              props.onConnect(target());
              setTarget('');
            }}
          >
            {t('workflowDesigner.next.connect')}
          </button>
        </div>
      </Show>
    </fieldset>
  );
}
