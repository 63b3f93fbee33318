import { createSignal, For } from 'solid-js';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { assignSupervisor, type Member } from '../../lib/members';

/**
 * A counselor's supervisor (督导), chosen among the active supervisors: the person rules remind
 * with the counselor and workflows assign "the counselor's supervisor" steps to.
 */
export function SupervisorSelect(props: {
  counselor: Member;
  supervisors: readonly Member[];
  onSaved: (message: string) => void;
  onFailed: (message: string) => void;
}) {
  const { t } = useI18n();
  const [saving, setSaving] = createSignal(false);
  const choices = () => props.supervisors.filter((member) => member.id !== props.counselor.id);

  async function choose(value: string) {
    const supervisor = choices().find((member) => member.id === value) ?? null;
    setSaving(true);
    try {
      await assignSupervisor(props.counselor.id, supervisor?.id ?? null);
      props.onSaved(
        supervisor
          ? t('users.supervisor.saved', {
              name: props.counselor.displayName,
              supervisor: supervisor.displayName,
            })
          : t('users.supervisor.cleared', { name: props.counselor.displayName }),
      );
    } catch (error) {
      props.onFailed(t(errorMessageKey(error)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <select
      class="field__select"
      aria-label={t('users.supervisor.label', { name: props.counselor.displayName })}
      value={props.counselor.supervisorId ?? ''}
      disabled={saving()}
      onChange={(event) => void choose(event.currentTarget.value)}
    >
      <option value="">{t('users.supervisor.none')}</option>
      <For each={choices()}>{(member) => <option value={member.id}>{member.displayName}</option>}</For>
    </select>
  );
}
