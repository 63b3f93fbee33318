import { createSignal } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { inviteMember, type OpenInvitation } from '../../lib/members';
import { ROLES, type Role } from '../../lib/roles';
import { checkEmail, normalizeEmail, type ValidationMessage } from '../../lib/validation';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { FormDialog } from '../../ui/FormDialog';
import { createSubmission } from '../../ui/submission';
import { TextField } from '../../ui/TextField';

export function InviteDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onInvited: (invitation: OpenInvitation) => void;
}) {
  const { t, tMessage } = useI18n();
  const [email, setEmail] = createSignal('');
  const [roles, setRoles] = createSignal<readonly Role[]>([]);
  const { attempted, sending, failure, submit: send, reset: resetSubmission } = createSubmission();

  const rolesError = (): ValidationMessage | null =>
    roles().length === 0 ? { key: 'validation.rolesRequired' } : null;

  const reset = () => {
    setEmail('');
    setRoles([]);
    resetSubmission();
  };

  const submit = () =>
    send(!checkEmail(email()) && !rolesError(), async () => {
      const invitation = await inviteMember({ email: normalizeEmail(email()), roles: roles() });
      reset();
      props.onInvited(invitation);
    });

  return (
    <FormDialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      onReset={reset}
      onSubmit={() => void submit()}
      title={t('users.inviteDialog.title')}
      intro={t('users.inviteDialog.intro')}
      submitLabel={t('users.inviteDialog.submit')}
      submittingLabel={t('users.inviteDialog.submitting')}
      sending={sending()}
      failure={failure()}
    >
      <TextField
        label={t('users.inviteDialog.email')}
        type="email"
        value={email()}
        onChange={setEmail}
        autocomplete="off"
        error={attempted() ? tMessage(checkEmail(email())) : null}
        disabled={sending()}
        required
      />
      <CheckboxGroup
        legend={t('users.inviteDialog.roles')}
        options={ROLES}
        labelOf={(role) => t(`role.${role}`)}
        selected={roles()}
        onChange={setRoles}
        error={attempted() ? tMessage(rolesError()) : null}
        disabled={sending()}
      />
    </FormDialog>
  );
}
