import { createSignal, Show } from 'solid-js';
import { useI18n } from '../lib/i18n';
import { estimatePassphraseStrength } from '../lib/passphrase-policy';
import { PassphraseStrengthMeter } from './PassphraseStrengthMeter';
import { TextField } from './TextField';

export interface PassphraseFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** `new-password` for choosing one (shows the strength meter), `current-password` for entering one. */
  autocomplete: 'new-password' | 'current-password';
  hint?: string;
  error?: string | null;
  autofocus?: boolean;
  disabled?: boolean;
  showStrength?: boolean;
}

export function PassphraseField(props: PassphraseFieldProps) {
  const { t } = useI18n();
  const [visible, setVisible] = createSignal(false);

  return (
    <div class="passphrase-field">
      <TextField
        label={props.label}
        value={props.value}
        onChange={props.onChange}
        type={visible() ? 'text' : 'password'}
        autocomplete={props.autocomplete}
        hint={props.hint ?? ''}
        error={props.error ?? null}
        required
        autofocus={props.autofocus ?? false}
        disabled={props.disabled ?? false}
        action={
          <button
            type="button"
            class="button button--quiet field__action"
            aria-label={visible() ? t('passphrase.hide') : t('passphrase.show')}
            onClick={() => setVisible((shown) => !shown)}
          >
            {visible() ? t('passphrase.hideShort') : t('passphrase.showShort')}
          </button>
        }
      />
      <Show when={props.showStrength && props.value.length > 0}>
        <PassphraseStrengthMeter strength={estimatePassphraseStrength(props.value)} />
      </Show>
    </div>
  );
}
