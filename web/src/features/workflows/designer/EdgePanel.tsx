import { Show } from 'solid-js';
import type { WorkflowGraph } from '../../../../../core/workflows/model';
import { useI18n } from '../../../lib/i18n';
import { EdgeCondition, takesConditions } from './EdgeCondition';
import { useStepText } from './step-text';

/** The property panel of one connection chosen on the canvas: where it goes, when, and removing it. */
export function EdgePanel(props: {
  graph: WorkflowGraph;
  edgeIndex: number;
  readOnly: boolean;
  onCondition: (edgeIndex: number, when: unknown) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const text = useStepText();
  const edge = () => props.graph.edges[props.edgeIndex];
  const node = (id: string) => props.graph.nodes.find((one) => one.id === id);
  const name = (id: string) => {
    const found = node(id);
    return found ? text.nodeName(found) : id;
  };

  return (
    <Show when={edge()}>
      {(current) => (
        <section class="card wfd-panel" aria-labelledby="wfd-panel-heading">
          <h2 id="wfd-panel-heading">{t('workflowDesigner.edge.heading')}</h2>
          <p>{t('workflowDesigner.edge.route', { from: name(current().from), to: name(current().to) })}</p>
          <Show
            when={takesConditions(node(current().from)?.type ?? 'start')}
            fallback={<p class="muted">{t('workflowDesigner.edge.noCondition')}</p>}
          >
            <fieldset class="fieldset">
              <legend class="fieldset__legend">{t('workflowDesigner.edge.condition')}</legend>
              <EdgeCondition
                graph={props.graph}
                edgeIndex={props.edgeIndex}
                readOnly={props.readOnly}
                onCondition={props.onCondition}
              />
            </fieldset>
          </Show>
          <Show when={!props.readOnly}>
            <div class="button-row">
              <button type="button" class="button button--danger" onClick={() => props.onRemove()}>
                {t('workflowDesigner.edge.remove')}
              </button>
            </div>
          </Show>
        </section>
      )}
    </Show>
  );
}
