import { createResource, createSignal, Match, Switch } from 'solid-js';
import { PublicFrame } from '../../app/PublicFrame';
import { type AcceptedInvitation, fetchInvitation } from '../../lib/account';
import { useI18n } from '../../lib/i18n';
import { Loading } from '../../ui/Loading';
import { AcceptInvitationForm } from './AcceptInvitationForm';
import { InvitationAccepted } from './InvitationAccepted';
import { takeInviteToken } from './invite-token';
import './auth.css';

export function InvitePage() {
  const { t } = useI18n();
  const token = takeInviteToken(window.location, window.history);
  const [invitation] = createResource(() => token ?? false, fetchInvitation);
  const [accepted, setAccepted] = createSignal<AcceptedInvitation | null>(null);

  return (
    <PublicFrame>
      <div class="card auth-card">
        <Switch>
          <Match when={accepted()}>{(done) => <InvitationAccepted accepted={done()} />}</Match>
          <Match when={invitation.loading}>
            <Loading label={t('invite.checking')} />
          </Match>
          <Match when={invitation.state === 'ready' ? invitation() : undefined}>
            {(details) => (
              <AcceptInvitationForm token={token ?? ''} invitation={details()} onAccepted={setAccepted} />
            )}
          </Match>
          <Match when={true}>
            <h1>{t('invite.invalid.title')}</h1>
            <p class="lead">{t('invite.invalid.body')}</p>
          </Match>
        </Switch>
      </div>
    </PublicFrame>
  );
}
