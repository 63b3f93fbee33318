import { createResource, For, Show } from 'solid-js';
import type { WorkflowGraph, WorkflowNode } from '../../../../../core/workflows/model';
import { isTaskNode } from '../../../../../core/workflows/model';
import { formCatalog } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n';
import { Checkbox } from '../../../ui/Checkbox';
import { localized } from '../../forms/localized';
import { AssigneeFields } from './AssigneeFields';
import { NextSteps } from './NextSteps';
import { useStepText } from './step-text';
import { numberOrUndefined, TaskSettings } from './TaskSettings';

/** The property panel of one step: its name, who does it, by when, what form, and where next. */
export function StepPanel(props: {
  graph: WorkflowGraph;
  node: WorkflowNode;
  readOnly: boolean;
  problems: readonly string[];
  onChange: (node: WorkflowNode) => void;
  onRemove: () => void;
  onConnect: (to: string) => void;
  onDisconnect: (edgeIndex: number) => void;
  onCondition: (edgeIndex: number, when: unknown) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const text = useStepText();
  const [forms] = createResource(formCatalog);
  const id = (name: string) => `wfd-${props.node.id}-${name}`;
  const task = () => (isTaskNode(props.node) ? props.node : null);

  return (
    <section class="card wfd-panel" aria-labelledby="wfd-panel-heading">
      <h2 id="wfd-panel-heading">
        {t('workflowDesigner.panel.heading', { type: text.typeName(props.node.type) })}
      </h2>
      <p class="muted">
        {t('workflowDesigner.panel.id')} <code>{props.node.id}</code>
      </p>
      <Show when={props.problems.length > 0}>
        <ul class="wfd-panel__problems" aria-label={t('workflowDesigner.panel.problems')}>
          <For each={props.problems}>{(problem) => <li>{problem}</li>}</For>
        </ul>
      </Show>
      <div class="field">
        <label class="field__label" for={id('label')}>
          {t('workflowDesigner.panel.label')}
        </label>
        <input
          id={id('label')}
          class="field__input"
          value={props.node.label ?? ''}
          disabled={props.readOnly}
          maxlength={120}
          onInput={(event) => {
            const label = event.currentTarget.value;
            const optional = ['start', 'parallel_split', 'parallel_join', 'end'].includes(props.node.type);
            const { label: _old, ...rest } = props.node;
            props.onChange(
              (optional && label.trim() === '' ? rest : { ...props.node, label }) as WorkflowNode,
            );
          }}
        />
      </div>

      <Show when={task()}>
        {(step) => (
          <TaskSettings
            idPrefix={id('task')}
            node={step()}
            readOnly={props.readOnly}
            onChange={(next) => props.onChange(next)}
          />
        )}
      </Show>

      <Show when={props.node.type === 'start' && props.node}>
        {(step) => (
          <>
            <Checkbox
              label={t('workflowDesigner.panel.trigger')}
              checked={step().trigger !== undefined}
              disabled={props.readOnly}
              onChange={(checked) => {
                const { trigger: _old, ...rest } = step();
                props.onChange(
                  checked ? { ...rest, trigger: { kind: 'every_n_sessions', sessions: 6 } } : rest,
                );
              }}
            />
            <Show when={step().trigger}>
              {(trigger) => (
                <div class="field">
                  <label class="field__label" for={id('sessions')}>
                    {t('workflowDesigner.panel.triggerSessions')}
                  </label>
                  <input
                    id={id('sessions')}
                    class="field__input wfd-number"
                    type="number"
                    min="1"
                    max="100"
                    step="1"
                    value={trigger().sessions}
                    disabled={props.readOnly}
                    onInput={(event) =>
                      props.onChange({
                        ...step(),
                        trigger: {
                          ...trigger(),
                          sessions: numberOrUndefined(event.currentTarget.value) ?? 0,
                        },
                      })
                    }
                  />
                </div>
              )}
            </Show>
          </>
        )}
      </Show>

      <Show when={props.node.type === 'form_task' && props.node}>
        {(step) => (
          <div class="field">
            <label class="field__label" for={id('form')}>
              {t('workflowDesigner.panel.form')}
            </label>
            <select
              id={id('form')}
              class="field__select"
              value={step().formKey ?? ''}
              disabled={props.readOnly}
              onChange={(event) => {
                const { formKey: _old, ...rest } = step();
                const formKey = event.currentTarget.value;
                props.onChange(formKey === '' ? rest : { ...rest, formKey });
              }}
            >
              <option value="">{t('workflowDesigner.panel.noForm')}</option>
              <For each={forms() ?? []}>
                {(form) => <option value={form.id}>{localized(i18n, form.title)}</option>}
              </For>
            </select>
          </div>
        )}
      </Show>

      <Show when={props.node.type === 'notification' && props.node}>
        {(step) => (
          <AssigneeFields
            idPrefix={id('to')}
            legend={t('workflowDesigner.panel.notify')}
            value={step().to}
            disabled={props.readOnly}
            onChange={(to) => props.onChange({ ...step(), to })}
          />
        )}
      </Show>

      <Show when={props.node.type === 'timer' && props.node}>
        {(step) => (
          <div class="field">
            <label class="field__label" for={id('wait')}>
              {t('workflowDesigner.panel.waitMinutes')}
            </label>
            <input
              id={id('wait')}
              class="field__input wfd-number"
              type="number"
              min="1"
              step="1"
              value={step().waitMinutes}
              disabled={props.readOnly}
              onInput={(event) =>
                props.onChange({ ...step(), waitMinutes: numberOrUndefined(event.currentTarget.value) ?? 0 })
              }
            />
          </div>
        )}
      </Show>

      <NextSteps
        graph={props.graph}
        node={props.node}
        readOnly={props.readOnly}
        onConnect={props.onConnect}
        onDisconnect={props.onDisconnect}
        onCondition={props.onCondition}
      />

      <Show when={!props.readOnly && props.node.type !== 'start'}>
        <button type="button" class="button button--danger" onClick={() => props.onRemove()}>
          {t('workflowDesigner.panel.remove')}
        </button>
      </Show>
    </section>
  );
}
