import { For } from 'solid-js';
import { useI18n } from '../lib/i18n';
import { PASSPHRASE_LEVELS, type PassphraseStrength } from '../lib/passphrase-policy';

export function PassphraseStrengthMeter(props: { strength: PassphraseStrength }) {
  const { t } = useI18n();
  const levelIndex = () => PASSPHRASE_LEVELS.indexOf(props.strength.level);
  const label = () => t('passphrase.strength', { level: t(`passphrase.level.${props.strength.level}`) });

  return (
    <div class="strength-meter" data-level={props.strength.level}>
      <div class="strength-meter__bar" aria-hidden="true">
        <For each={PASSPHRASE_LEVELS}>
          {(_, index) => (
            <span class="strength-meter__segment" classList={{ 'is-filled': index() <= levelIndex() }} />
          )}
        </For>
      </div>
      <span class="strength-meter__label" aria-live="polite">
        {label()}
      </span>
    </div>
  );
}
