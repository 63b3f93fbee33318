import { createResource, For, Match, Switch } from 'solid-js';
import { ROLES, type Role } from '../../../../../core/api/roles';
import { type Assignee, RELATIONS } from '../../../../../core/workflows/model';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import { listMembers } from '../../../lib/members';

type Kind = Assignee['kind'];
const KINDS: readonly Kind[] = ['role', 'relation', 'round_robin', 'user'];

/** Switching kind keeps what still applies (the role) and picks a sensible default otherwise. */
function withKind(current: Assignee, kind: Kind, firstUser: string | undefined): Assignee | null {
  const role: Role = 'role' in current ? current.role : 'director';
  switch (kind) {
    case 'role':
      return { kind, role };
    case 'round_robin':
      return { kind, role };
    case 'relation':
      return { kind, relation: RELATIONS[0] };
    case 'user':
      return firstUser ? { kind, userId: firstUser } : null;
  }
}

/** Who a step is for: a role, a relation to the case or the requester, round-robin, or one person. */
export function AssigneeFields(props: {
  idPrefix: string;
  legend: string;
  value: Assignee;
  disabled: boolean;
  onChange: (next: Assignee) => void;
}) {
  const { t } = useI18n();
  const [members] = createResource(async () =>
    (await listMembers()).filter((member) => member.status === 'active'),
  );
  const id = (name: string) => `${props.idPrefix}-${name}`;

  return (
    <fieldset class="fieldset wfd-assignee">
      <legend class="fieldset__legend">{props.legend}</legend>
      <div class="field">
        <label class="field__label" for={id('kind')}>
          {t('workflowDesigner.assignee.kind')}
        </label>
        <select
          id={id('kind')}
          class="field__select"
          value={props.value.kind}
          disabled={props.disabled}
          onChange={(event) => {
            const next = withKind(props.value, event.currentTarget.value as Kind, members()?.[0]?.id);
            if (next) props.onChange(next);
            else event.currentTarget.value = props.value.kind;
          }}
        >
          <For each={KINDS}>
            {(kind) => <option value={kind}>{t(`workflowDesigner.assignee.${kind}` as MessageKey)}</option>}
          </For>
        </select>
      </div>
      <Switch>
        <Match when={props.value.kind === 'role' || props.value.kind === 'round_robin'}>
          <div class="field">
            <label class="field__label" for={id('role')}>
              {t('workflowDesigner.assignee.whichRole')}
            </label>
            <select
              id={id('role')}
              class="field__select"
              value={'role' in props.value ? props.value.role : ''}
              disabled={props.disabled}
              onChange={(event) => {
                const role = event.currentTarget.value as Role;
                if (props.value.kind === 'role' || props.value.kind === 'round_robin')
                  props.onChange({ kind: props.value.kind, role });
              }}
            >
              <For each={ROLES}>{(role) => <option value={role}>{t(`role.${role}`)}</option>}</For>
            </select>
          </div>
        </Match>
        <Match when={props.value.kind === 'relation' && props.value}>
          {(relation) => (
            <div class="field">
              <label class="field__label" for={id('relation')}>
                {t('workflowDesigner.assignee.whichRelation')}
              </label>
              <select
                id={id('relation')}
                class="field__select"
                value={relation().relation}
                disabled={props.disabled}
                onChange={(event) =>
                  props.onChange({
                    kind: 'relation',
                    relation: event.currentTarget.value as (typeof RELATIONS)[number],
                  })
                }
              >
                <For each={RELATIONS}>
                  {(name) => (
                    <option value={name}>{t(`workflowDesigner.relation.${name}` as MessageKey)}</option>
                  )}
                </For>
              </select>
            </div>
          )}
        </Match>
        <Match when={props.value.kind === 'user' && props.value}>
          {(user) => (
            <div class="field">
              <label class="field__label" for={id('user')}>
                {t('workflowDesigner.assignee.whichUser')}
              </label>
              <select
                id={id('user')}
                class="field__select"
                value={user().userId}
                disabled={props.disabled}
                onChange={(event) => props.onChange({ kind: 'user', userId: event.currentTarget.value })}
              >
                <For each={members() ?? []}>
                  {(member) => <option value={member.id}>{member.displayName}</option>}
                </For>
              </select>
            </div>
          )}
        </Match>
      </Switch>
    </fieldset>
  );
}
