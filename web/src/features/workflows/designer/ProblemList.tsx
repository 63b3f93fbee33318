import { For, Show } from 'solid-js';
import type { WorkflowGraph } from '../../../../../core/workflows/model';
import { describeIssue } from '../../../../../core/workflows/validate';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import { workflowDesignerZhCN } from '../../../lib/i18n/workflow-designer.zh-CN';
import type { DesignProblem } from './problems';
import { useStepText } from './step-text';

const SETTINGS_FIELDS = [
  'label',
  'assignee',
  'to',
  'dueInHours',
  'remindBeforeHours',
  'escalateTo',
  'waitMinutes',
  'formKey',
  'trigger',
];

const hasMessage = (key: string): key is MessageKey => key in workflowDesignerZhCN;

/** A problem in the admin's words, naming the step by its label rather than its id. */
export function useProblemText(graph: () => WorkflowGraph) {
  const { t } = useI18n();
  const text = useStepText();
  const name = (id: string) => {
    const node = graph().nodes.find((candidate) => candidate.id === id);
    return node ? text.label(node) : id;
  };
  return (problem: DesignProblem): string => {
    if (problem.kind === 'settings') {
      const field = SETTINGS_FIELDS.includes(problem.field) ? problem.field : 'other';
      return t(`workflowDesigner.problem.settings.${field}` as MessageKey, { step: name(problem.nodeId) });
    }
    const { issue } = problem;
    const params: Record<string, string | number> = { step: problem.nodeId ? name(problem.nodeId) : '' };
    if (issue.code === 'start_count') params.count = issue.count;
    if (issue.code === 'edge_from_unknown') params.step = issue.from;
    if (issue.code === 'edge_to_unknown') params.step = issue.to;
    if ('dueInHours' in issue && typeof issue.dueInHours === 'number') params.hours = issue.dueInHours;
    if (issue.code === 'edge_condition') {
      params.target = name(issue.to);
      params.problem = issue.problem;
    }
    const key = `workflowDesigner.problem.${issue.code}`;
    // A check added to core before its words reach the dictionaries still shows, in English.
    return hasMessage(key) ? t(key, params) : describeIssue(issue);
  };
}

/** Every problem, live; one that concerns a step selects it, so the admin lands on the fault. */
export function ProblemList(props: {
  graph: WorkflowGraph;
  problems: readonly DesignProblem[];
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  const describe = useProblemText(() => props.graph);
  return (
    <section class="card wfd-problems" aria-labelledby="wfd-problems-heading" aria-live="polite">
      <h2 id="wfd-problems-heading">{t('workflowDesigner.problems.heading')}</h2>
      <Show
        when={props.problems.length > 0}
        fallback={<p class="wfd-problems__none">{t('workflowDesigner.problems.none')}</p>}
      >
        <ul class="wfd-problems__list">
          <For each={props.problems}>
            {(problem) => (
              <li>
                <Show when={problem.nodeId} fallback={describe(problem)}>
                  {(nodeId) => (
                    <button type="button" class="link-button" onClick={() => props.onSelect(nodeId())}>
                      {describe(problem)}
                    </button>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
