import { useI18n } from '../lib/i18n';
import { PassphraseField } from './PassphraseField';

/**
 * Choosing a passphrase: the new one, with the hint and the strength meter, then its confirmation.
 * The form owns the values and decides when errors show (lib/passphrase-policy checks them).
 */
export function NewPassphraseFields(props: {
  passphrase: string;
  confirmation: string;
  onPassphraseChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  passphraseError: string | null;
  confirmationError: string | null;
  /** defaults to "passphrase" and "enter the passphrase again" */
  labels?: { passphrase: string; confirmation: string };
  disabled?: boolean;
  autofocus?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <PassphraseField
        label={props.labels?.passphrase ?? t('passphrase.label')}
        value={props.passphrase}
        onChange={props.onPassphraseChange}
        autocomplete="new-password"
        hint={t('passphrase.hint')}
        error={props.passphraseError}
        disabled={props.disabled ?? false}
        autofocus={props.autofocus ?? false}
        showStrength
      />
      <PassphraseField
        label={props.labels?.confirmation ?? t('passphrase.confirm')}
        value={props.confirmation}
        onChange={props.onConfirmationChange}
        autocomplete="new-password"
        error={props.confirmationError}
        disabled={props.disabled ?? false}
      />
    </>
  );
}
