import type { WorkflowGraph } from '../../../../../core/workflows/model';
import { useI18n } from '../../../lib/i18n';
import { ConditionEditor } from '../../rules/ConditionEditor';
import { edgeConditionDraft, edgeConditionLogic, WORKFLOW_FACTS } from './edge-condition';
import { useStepText } from './step-text';
import '../../rules/rules.css';

/** A way out of a step given a condition with the rules editor's condition rows. */
export function EdgeCondition(props: {
  graph: WorkflowGraph;
  edgeIndex: number;
  readOnly: boolean;
  onCondition: (edgeIndex: number, when: unknown) => void;
}) {
  const { t } = useI18n();
  const text = useStepText();
  const when = () => props.graph.edges[props.edgeIndex]?.when;
  return (
    <ConditionEditor
      draft={edgeConditionDraft(when())}
      facts={WORKFLOW_FACTS}
      allowsFreeField
      freeFieldLabel={t('workflowDesigner.fact.other')}
      emptyText={t('workflowDesigner.next.always')}
      factLabel={text.factLabel}
      valueLabel={text.valueLabel}
      idPrefix={`wfd-edge-${props.edgeIndex}-`}
      disabled={props.readOnly}
      onChange={(changes) =>
        props.onCondition(props.edgeIndex, edgeConditionLogic({ ...edgeConditionDraft(when()), ...changes }))
      }
    />
  );
}

/** Whether the ways out of a node of this type can have conditions (a split takes them all). */
export const takesConditions = (type: string) => type !== 'parallel_split' && type !== 'start';
