import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { AcceptedInvitation } from '../../lib/account';
import { useI18n } from '../../lib/i18n';
import { Checkbox } from '../../ui/Checkbox';
import { Fingerprint } from '../../ui/Fingerprint';

export function InvitationAccepted(props: { accepted: AcceptedInvitation }) {
  const { t } = useI18n();
  const [saved, setSaved] = createSignal(false);

  return (
    <section aria-labelledby="invitation-accepted-heading">
      <h1 id="invitation-accepted-heading">{t('invite.done.heading')}</h1>
      <h2 class="card__title">{t('invite.done.fingerprint')}</h2>
      <Fingerprint value={props.accepted.keyFingerprint} />
      <p class="muted">{t('invite.done.fingerprintNote')}</p>
      <h2 class="card__title">{t('invite.done.recoveryCode')}</h2>
      <code class="secret-code">{props.accepted.recoveryCode}</code>
      <p class="muted">{t('invite.done.recoveryNote')}</p>
      <Checkbox label={t('invite.done.confirm')} checked={saved()} onChange={setSaved} />
      <div class="button-row">
        <Show
          when={saved()}
          fallback={
            <button type="button" class="button button--primary" disabled>
              {t('invite.done.toLogin')}
            </button>
          }
        >
          <A class="button button--primary" href="/login">
            {t('invite.done.toLogin')}
          </A>
        </Show>
      </div>
    </section>
  );
}
