import { For, Index, Match, Switch } from 'solid-js';
import { ROLES } from '../../../../core/api/roles';
import { RELATIONS, type Recipient, type RuleAction } from '../../../../core/rules/index';
import { useI18n } from '../../lib/i18n';
import { Checkbox } from '../../ui/Checkbox';

const ACTION_KINDS = ['notify', 'create_task', 'start_workflow', 'send_webhook'] as const;

function newAction(kind: RuleAction['kind']): RuleAction {
  switch (kind) {
    case 'notify':
      return { kind, to: [{ kind: 'relation', relation: 'primary_counselor' }], email: false };
    case 'create_task':
      return { kind, title: '', assignee: { kind: 'role', role: 'frontdesk' }, dueInDays: 2 };
    case 'start_workflow':
      return { kind, workflow: '' };
    case 'send_webhook':
      return { kind, event: 'rule.fired' };
  }
}

const sameRecipient = (a: Recipient, b: Recipient) => JSON.stringify(a) === JSON.stringify(b);
const recipientKey = (recipient: Recipient) =>
  recipient.kind === 'role'
    ? `role:${recipient.role}`
    : recipient.kind === 'relation'
      ? `relation:${recipient.relation}`
      : `user:${recipient.id}`;
function recipientFromKey(key: string): Recipient {
  const [kind, value] = key.split(':') as [string, string];
  if (kind === 'role') return { kind: 'role', role: value as (typeof ROLES)[number] };
  if (kind === 'relation') return { kind: 'relation', relation: value as (typeof RELATIONS)[number] };
  return { kind: 'user', id: value };
}

/** Each action with its own fields; the server records an action that cannot run yet as such. */
export function ActionEditor(props: {
  actions: RuleAction[];
  disabled: boolean;
  onChange: (actions: RuleAction[]) => void;
}) {
  const { t } = useI18n();
  const replace = (index: number, action: RuleAction) =>
    props.onChange(props.actions.map((current, at) => (at === index ? action : current)));
  const everyRecipient: Recipient[] = [
    ...RELATIONS.map((relation): Recipient => ({ kind: 'relation', relation })),
    ...ROLES.map((role): Recipient => ({ kind: 'role', role })),
  ];
  const recipientLabel = (recipient: Recipient) =>
    recipient.kind === 'relation'
      ? t(`rules.relation.${recipient.relation}`)
      : recipient.kind === 'role'
        ? t('rules.recipient.role', { role: t(`role.${recipient.role}`) })
        : recipient.id;

  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{t('rules.editor.actions')}</legend>
      <ol class="rule-actions">
        <Index each={props.actions}>
          {(action, index) => (
            <li class="rule-action card">
              <div class="rule-action__header">
                <strong>{t(`rules.action.${action().kind}`)}</strong>
                <button
                  type="button"
                  class="button button--quiet"
                  disabled={props.disabled || props.actions.length === 1}
                  onClick={() => props.onChange(props.actions.filter((_, at) => at !== index))}
                >
                  {t('rules.editor.remove')}
                </button>
              </div>
              <Switch>
                <Match
                  when={action().kind === 'notify' && (action() as Extract<RuleAction, { kind: 'notify' }>)}
                >
                  {(notify) => (
                    <>
                      <p class="field__label">{t('rules.editor.recipients')}</p>
                      <div class="rule-recipients">
                        <For each={everyRecipient}>
                          {(recipient) => (
                            <Checkbox
                              label={recipientLabel(recipient)}
                              checked={notify().to.some((chosen) => sameRecipient(chosen, recipient))}
                              disabled={props.disabled}
                              onChange={(checked) =>
                                replace(index, {
                                  ...notify(),
                                  to: checked
                                    ? [...notify().to, recipient]
                                    : notify().to.filter((chosen) => !sameRecipient(chosen, recipient)),
                                })
                              }
                            />
                          )}
                        </For>
                      </div>
                      <Checkbox
                        label={t('rules.editor.email')}
                        checked={notify().email}
                        disabled={props.disabled}
                        onChange={(email) => replace(index, { ...notify(), email })}
                      />
                    </>
                  )}
                </Match>
                <Match
                  when={
                    action().kind === 'create_task' &&
                    (action() as Extract<RuleAction, { kind: 'create_task' }>)
                  }
                >
                  {(task) => (
                    <div class="field-grid">
                      <div class="field">
                        <label class="field__label" for={`task-title-${index}`}>
                          {t('rules.editor.taskTitle')}
                        </label>
                        <input
                          id={`task-title-${index}`}
                          class="field__input"
                          value={task().title}
                          maxLength={120}
                          disabled={props.disabled}
                          onInput={(event) => replace(index, { ...task(), title: event.currentTarget.value })}
                        />
                      </div>
                      <div class="field">
                        <label class="field__label" for={`task-assignee-${index}`}>
                          {t('rules.editor.assignee')}
                        </label>
                        <select
                          id={`task-assignee-${index}`}
                          class="field__select"
                          value={recipientKey(task().assignee)}
                          disabled={props.disabled}
                          onChange={(event) =>
                            replace(index, {
                              ...task(),
                              assignee: recipientFromKey(event.currentTarget.value),
                            })
                          }
                        >
                          <For each={everyRecipient}>
                            {(recipient) => (
                              <option value={recipientKey(recipient)}>{recipientLabel(recipient)}</option>
                            )}
                          </For>
                        </select>
                      </div>
                      <div class="field">
                        <label class="field__label" for={`task-due-${index}`}>
                          {t('rules.editor.dueInDays')}
                        </label>
                        <input
                          id={`task-due-${index}`}
                          class="field__input"
                          type="number"
                          min="0"
                          max="365"
                          value={task().dueInDays}
                          disabled={props.disabled}
                          onInput={(event) =>
                            replace(index, {
                              ...task(),
                              dueInDays: Number.parseInt(event.currentTarget.value, 10) || 0,
                            })
                          }
                        />
                      </div>
                    </div>
                  )}
                </Match>
                <Match
                  when={
                    action().kind === 'start_workflow' &&
                    (action() as Extract<RuleAction, { kind: 'start_workflow' }>)
                  }
                >
                  {(workflow) => (
                    <div class="field">
                      <label class="field__label" for={`workflow-${index}`}>
                        {t('rules.editor.workflow')}
                      </label>
                      <input
                        id={`workflow-${index}`}
                        class="field__input"
                        value={workflow().workflow}
                        disabled={props.disabled}
                        onInput={(event) =>
                          replace(index, { ...workflow(), workflow: event.currentTarget.value })
                        }
                      />
                      <p class="field__hint">{t('rules.editor.notAvailable')}</p>
                    </div>
                  )}
                </Match>
                <Match
                  when={
                    action().kind === 'send_webhook' &&
                    (action() as Extract<RuleAction, { kind: 'send_webhook' }>)
                  }
                >
                  {(webhook) => (
                    <div class="field">
                      <label class="field__label" for={`webhook-${index}`}>
                        {t('rules.editor.webhookEvent')}
                      </label>
                      <input
                        id={`webhook-${index}`}
                        class="field__input"
                        value={webhook().event}
                        disabled={props.disabled}
                        onInput={(event) =>
                          replace(index, { ...webhook(), event: event.currentTarget.value })
                        }
                      />
                    </div>
                  )}
                </Match>
              </Switch>
            </li>
          )}
        </Index>
      </ol>
      <div class="field">
        <label class="field__label" for="rule-add-action">
          {t('rules.editor.addAction')}
        </label>
        <select
          id="rule-add-action"
          class="field__select"
          value=""
          disabled={props.disabled}
          onChange={(event) => {
            const kind = event.currentTarget.value as RuleAction['kind'] | '';
            event.currentTarget.value = '';
            if (kind) props.onChange([...props.actions, newAction(kind)]);
          }}
        >
          <option value="" />
          <For each={ACTION_KINDS}>{(kind) => <option value={kind}>{t(`rules.action.${kind}`)}</option>}</For>
        </select>
      </div>
    </fieldset>
  );
}
