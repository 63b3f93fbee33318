import { createSignal, For } from 'solid-js';
import type { Organization, RecoveryShare } from '../../lib/account';
import { useI18n } from '../../lib/i18n';
import { Checkbox } from '../../ui/Checkbox';
import { Fingerprint } from '../../ui/Fingerprint';
import { StepHeading } from './StepHeading';

/**
 * Shown once after setup. Printing puts each share on its own page, so each can go to a different
 * person; the screen shows them together with the confirmation that gates continuing.
 */
export function RecoverySheet(props: {
  organization: Organization;
  shares: readonly RecoveryShare[];
  recoveryCode: string;
  onFinish: () => void;
}) {
  const { t, formatDate } = useI18n();
  const [saved, setSaved] = createSignal(false);
  const today = formatDate(Date.now());

  const sheetHeader = () => (
    <div class="print-sheet__meta">
      <span>{t('setup.sheet.org', { name: props.organization.name })}</span>
      <span>{t('setup.sheet.date', { date: today })}</span>
    </div>
  );

  return (
    <section class="wizard-step recovery-sheet" aria-labelledby="recovery-sheet-heading">
      <div class="no-print">
        <StepHeading>
          <span id="recovery-sheet-heading">{t('setup.sheet.heading')}</span>
        </StepHeading>
        <p class="lead">{t('setup.sheet.intro')}</p>
        <div class="recovery-sheet__fingerprint">
          <span class="field__label">{t('setup.sheet.fingerprint')}</span>
          <Fingerprint value={props.organization.rootFingerprint} />
        </div>
      </div>

      <ol class="share-list">
        <For each={props.shares}>
          {(share) => (
            <li class="share-card print-page">
              {sheetHeader()}
              <h2 class="share-card__title">
                {t('setup.sheet.share', { index: share.index, total: share.total })}
              </h2>
              <code class="secret-code">{share.text}</code>
              <p class="share-card__note">{t('setup.sheet.shareNote', { threshold: share.threshold })}</p>
              <p class="share-card__fingerprint print-only">
                {t('setup.sheet.fingerprint')}: <Fingerprint value={props.organization.rootFingerprint} />
              </p>
            </li>
          )}
        </For>
        <li class="share-card share-card--personal print-page">
          {sheetHeader()}
          <h2 class="share-card__title">{t('setup.sheet.personalCode')}</h2>
          <code class="secret-code">{props.recoveryCode}</code>
          <p class="share-card__note">{t('setup.sheet.personalCodeNote')}</p>
        </li>
      </ol>

      <div class="no-print recovery-sheet__actions">
        <button type="button" class="button" onClick={() => window.print()}>
          {t('setup.sheet.print')}
        </button>
        <Checkbox label={t('setup.sheet.confirm')} checked={saved()} onChange={setSaved} />
        <button
          type="button"
          class="button button--primary"
          disabled={!saved()}
          onClick={() => props.onFinish()}
        >
          {t('setup.sheet.finish')}
        </button>
      </div>
    </section>
  );
}
