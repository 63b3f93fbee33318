import { For, Show } from 'solid-js';
import { STEP_ACTIONS, type StepAction, type TaskNode } from '../../../../../core/workflows/model';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import { Checkbox } from '../../../ui/Checkbox';
import { AssigneeFields } from './AssigneeFields';

/** A number input's value, or undefined while it is empty or not a number. */
export const numberOrUndefined = (text: string) => {
  const value = Number(text);
  return text.trim() === '' || !Number.isFinite(value) ? undefined : value;
};

/** Sets an optional field, or removes it when the value is undefined. */
function withOptional<K extends keyof TaskNode>(
  node: TaskNode,
  key: K,
  value: TaskNode[K] | undefined,
): TaskNode {
  const next = { ...node };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/**
 * Who does a task step and by when: the assignee, the deadline with its reminder and whom it
 * escalates to once overdue, and what the assignee's browser does at the step.
 */
export function TaskSettings(props: {
  idPrefix: string;
  node: TaskNode;
  readOnly: boolean;
  onChange: (node: TaskNode) => void;
}) {
  const { t } = useI18n();
  const id = (name: string) => `${props.idPrefix}-${name}`;
  const numberField = (key: 'dueInHours' | 'remindBeforeHours', label: string, hint: string) => (
    <div class="field">
      <label class="field__label" for={id(key)}>
        {label}
      </label>
      <input
        id={id(key)}
        class="field__input wfd-number"
        type="number"
        min="1"
        step="1"
        value={props.node[key] ?? ''}
        disabled={props.readOnly}
        onInput={(event) =>
          props.onChange(withOptional(props.node, key, numberOrUndefined(event.currentTarget.value)))
        }
      />
      <p class="field__hint">{hint}</p>
    </div>
  );

  return (
    <>
      <AssigneeFields
        idPrefix={id('assignee')}
        legend={t('workflowDesigner.panel.assignee')}
        value={props.node.assignee}
        disabled={props.readOnly}
        onChange={(assignee) => props.onChange({ ...props.node, assignee })}
      />
      {numberField('dueInHours', t('workflowDesigner.panel.dueInHours'), t('workflowDesigner.panel.dueHint'))}
      <Show when={props.node.dueInHours !== undefined}>
        {numberField(
          'remindBeforeHours',
          t('workflowDesigner.panel.remindBeforeHours'),
          t('workflowDesigner.panel.remindHint'),
        )}
        <Checkbox
          label={t('workflowDesigner.panel.escalate')}
          checked={props.node.escalateTo !== undefined}
          disabled={props.readOnly}
          onChange={(checked) =>
            props.onChange(
              withOptional(
                props.node,
                'escalateTo',
                checked ? { kind: 'role', role: 'director' } : undefined,
              ),
            )
          }
        />
        <Show when={props.node.escalateTo}>
          {(escalateTo) => (
            <AssigneeFields
              idPrefix={id('escalate')}
              legend={t('workflowDesigner.panel.escalateTo')}
              value={escalateTo()}
              disabled={props.readOnly}
              onChange={(next) => props.onChange({ ...props.node, escalateTo: next })}
            />
          )}
        </Show>
      </Show>
      <div class="field">
        <label class="field__label" for={id('action')}>
          {t('workflowDesigner.panel.action')}
        </label>
        <select
          id={id('action')}
          class="field__select"
          value={props.node.action ?? ''}
          disabled={props.readOnly}
          onChange={(event) =>
            props.onChange(
              withOptional(
                props.node,
                'action',
                (event.currentTarget.value || undefined) as StepAction | undefined,
              ),
            )
          }
        >
          <option value="">{t('workflowDesigner.panel.noAction')}</option>
          <For each={STEP_ACTIONS}>
            {(action) => (
              <option value={action}>{t(`workflowDesigner.action.${action}` as MessageKey)}</option>
            )}
          </For>
        </select>
      </div>
    </>
  );
}
