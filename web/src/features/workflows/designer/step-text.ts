import type { NodeType, WorkflowNode } from '../../../../../core/workflows/model';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import { edgeConditionSummary } from './edge-condition';

const MAX_LABEL = 18;

/** How the designer names steps, their types and edge conditions in the interface language. */
export function useStepText() {
  const { t } = useI18n();
  const typeName = (type: NodeType) => t(`workflowDesigner.type.${type}` as MessageKey);
  const label = (node: WorkflowNode) => node.label?.trim() || typeName(node.type);
  const factLabel = (fact: string) => (fact === 'decision' ? t('workflowDesigner.fact.decision') : fact);
  const valueLabel = (value: string) =>
    value === 'approved' || value === 'rejected'
      ? t(`workflowDesigner.decision.${value}` as MessageKey)
      : value;
  return {
    typeName,
    label,
    factLabel,
    valueLabel,
    /** The accessible name of a node on the canvas: its label, then what kind of step it is. */
    nodeName: (node: WorkflowNode) =>
      node.label?.trim() ? `${node.label.trim()} (${typeName(node.type)})` : typeName(node.type),
    shortLabel: (node: WorkflowNode) => {
      const text = label(node);
      return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
    },
    condition: (when: unknown) => {
      const summary = edgeConditionSummary(when, factLabel);
      if (summary === null) return null;
      return summary.replace(/\b(approved|rejected)\b/g, (value) => valueLabel(value));
    },
  };
}
