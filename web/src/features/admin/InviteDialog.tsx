import { Dialog } from '@kobalte/core/dialog';
import { createSignal, For, Show } from 'solid-js';
import { inviteMember, type OpenInvitation } from '../../lib/account';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { ROLES, type Role } from '../../lib/roles';
import { checkEmail, normalizeEmail, type ValidationMessage } from '../../lib/validation';
import { Alert } from '../../ui/Alert';
import { Checkbox } from '../../ui/Checkbox';
import { TextField } from '../../ui/TextField';

export function InviteDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onInvited: (invitation: OpenInvitation) => void;
}) {
  const { t, tMessage } = useI18n();
  const [email, setEmail] = createSignal('');
  const [roles, setRoles] = createSignal<readonly Role[]>([]);
  const [attempted, setAttempted] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);

  const rolesError = (): ValidationMessage | null =>
    roles().length === 0 ? { key: 'validation.rolesRequired' } : null;

  const toggleRole = (role: Role, checked: boolean) =>
    setRoles((current) =>
      checked ? ROLES.filter((r) => r === role || current.includes(r)) : current.filter((r) => r !== role),
    );

  const reset = () => {
    setEmail('');
    setRoles([]);
    setAttempted(false);
    setFailure(null);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (sending() || checkEmail(email()) || rolesError()) return;
    setSending(true);
    setFailure(null);
    try {
      const invitation = await inviteMember({ email: normalizeEmail(email()), roles: roles() });
      reset();
      props.onInvited(invitation);
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => {
        if (!open) reset();
        props.onOpenChange(open);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <Dialog.Content class="dialog__content">
            <Dialog.Title class="dialog__title">{t('users.inviteDialog.title')}</Dialog.Title>
            <Dialog.Description class="muted">{t('users.inviteDialog.intro')}</Dialog.Description>
            <form onSubmit={(event) => void submit(event)} novalidate aria-busy={sending()}>
              <Show when={failure()}>
                <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
              </Show>
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
              <fieldset
                class="fieldset"
                aria-describedby={attempted() && rolesError() ? 'invite-roles-error' : undefined}
              >
                <legend class="fieldset__legend">{t('users.inviteDialog.roles')}</legend>
                <div class="checkbox-list">
                  <For each={ROLES}>
                    {(role) => (
                      <Checkbox
                        label={t(`role.${role}`)}
                        value={role}
                        checked={roles().includes(role)}
                        onChange={(checked) => toggleRole(role, checked)}
                        disabled={sending()}
                      />
                    )}
                  </For>
                </div>
                <Show when={attempted() && rolesError()}>
                  {(message) => (
                    <p class="field__error" id="invite-roles-error">
                      {tMessage(message())}
                    </p>
                  )}
                </Show>
              </fieldset>
              <div class="button-row button-row--end">
                <Dialog.CloseButton class="button" disabled={sending()}>
                  {t('common.cancel')}
                </Dialog.CloseButton>
                <button type="submit" class="button button--primary" disabled={sending()}>
                  {sending() ? t('users.inviteDialog.submitting') : t('users.inviteDialog.submit')}
                </button>
              </div>
            </form>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
