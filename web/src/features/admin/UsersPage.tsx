import { createResource, createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import {
  listMembers,
  listOpenInvitations,
  listPendingCertifications,
  type Member,
  type PendingCertification,
} from '../../lib/members';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { DataTable } from '../../ui/DataTable';
import { Fingerprint } from '../../ui/Fingerprint';
import { MailIcon } from '../../ui/icons';
import { CertifyDialog } from './CertifyDialog';
import { CounselorProfileDialog } from './CounselorProfileDialog';
import { FrontDeskKeyPanel } from './FrontDeskKeyPanel';
import { InviteDialog } from './InviteDialog';
import { SupervisorSelect } from './SupervisorSelect';
import './admin.css';

const STATUS_BADGE: Record<Member['status'], string> = {
  active: 'badge',
  pending_certification: 'badge badge--warning',
  disabled: 'badge badge--muted',
};

const activeSupervisors = (list: readonly Member[]) =>
  list.filter((member) => member.status === 'active' && member.roles.includes('supervisor'));

export function UsersPage() {
  const { t, formatDate, formatDateTime } = useI18n();
  const [members, { refetch: refetchMembers }] = createResource(listMembers);
  const [invitations, { refetch: refetchInvitations }] = createResource(listOpenInvitations);
  const [pending, { refetch: refetchPending }] = createResource(listPendingCertifications);
  const [inviting, setInviting] = createSignal(false);
  const [certifying, setCertifying] = createSignal<PendingCertification | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [certifications, setCertifications] = createSignal(0);
  const [profiling, setProfiling] = createSignal<Member | null>(null);

  return (
    <div class="admin-page">
      <div class="page-header">
        <h1>{t('users.heading')}</h1>
        <button type="button" class="button button--primary" onClick={() => setInviting(true)}>
          <MailIcon />
          {t('users.invite')}
        </button>
      </div>
      <Show when={notice()}>
        <Alert tone="success">{notice()}</Alert>
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{failure()}</Alert>
      </Show>

      <section class="card" aria-labelledby="pending-heading">
        <h2 class="card__title" id="pending-heading">
          {t('users.pending.heading')}
        </h2>
        <p class="muted">{t('users.pending.intro')}</p>
        <AsyncContent resource={pending} onRetry={() => void refetchPending()}>
          {(list) => (
            <Show when={list.length > 0} fallback={<p class="empty">{t('users.pending.empty')}</p>}>
              <ul class="pending-list">
                <For each={list}>
                  {(item) => (
                    <li class="pending-list__item">
                      <div class="pending-list__who">
                        <strong>{item.displayName}</strong>
                        <span class="muted">{item.email}</span>
                        <span class="muted">{formatDateTime(item.registeredAt)}</span>
                      </div>
                      <span class="pending-list__fingerprint">
                        <span class="visually-hidden">{t('users.pending.fingerprint')}</span>
                        <Fingerprint value={item.keyFingerprint} />
                      </span>
                      <button
                        type="button"
                        class="button button--primary"
                        onClick={() => setCertifying(item)}
                      >
                        {t('users.pending.certify')}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </AsyncContent>
      </section>

      <section class="card" aria-labelledby="members-heading">
        <h2 class="card__title" id="members-heading">
          {t('users.caption')}
        </h2>
        <AsyncContent resource={members} onRetry={() => void refetchMembers()}>
          {(list) => (
            <DataTable
              items={list}
              empty={t('users.empty')}
              columns={[
                t('users.col.name'),
                t('users.col.email'),
                t('users.col.roles'),
                t('users.col.status'),
                t('users.col.supervisor'),
                t('users.col.profile'),
              ]}
            >
              {(member) => (
                <tr>
                  <td>{member.displayName}</td>
                  <td>{member.email}</td>
                  <td>
                    <span class="badge-list">
                      <For each={member.roles}>
                        {(role) => <span class="badge">{t(`role.${role}`)}</span>}
                      </For>
                    </span>
                  </td>
                  <td>
                    <span class={STATUS_BADGE[member.status]}>{t(`users.status.${member.status}`)}</span>
                  </td>
                  <td>
                    <Show when={member.roles.includes('counselor')} fallback="—">
                      <SupervisorSelect
                        counselor={member}
                        supervisors={activeSupervisors(list)}
                        onSaved={(message) => {
                          setFailure(null);
                          setNotice(message);
                          void refetchMembers();
                        }}
                        onFailed={(message) => {
                          setNotice(null);
                          setFailure(message);
                        }}
                      />
                    </Show>
                  </td>
                  <td>
                    <Show
                      when={member.roles.includes('counselor') && member.status === 'active'}
                      fallback="—"
                    >
                      <button
                        type="button"
                        class="button"
                        aria-label={`${t('profile.edit')} · ${member.displayName}`}
                        onClick={() => setProfiling(member)}
                      >
                        {t('profile.edit')}
                      </button>
                    </Show>
                  </td>
                </tr>
              )}
            </DataTable>
          )}
        </AsyncContent>
      </section>

      <section class="card" aria-labelledby="invitations-heading">
        <h2 class="card__title" id="invitations-heading">
          {t('users.invitations.heading')}
        </h2>
        <AsyncContent resource={invitations} onRetry={() => void refetchInvitations()}>
          {(list) => (
            <Show when={list.length > 0} fallback={<p class="empty">{t('users.invitations.empty')}</p>}>
              <ul class="invitation-list">
                <For each={list}>
                  {(invitation) => (
                    <li class="invitation-list__item">
                      <span>{invitation.email}</span>
                      <span class="badge-list">
                        <For each={invitation.roles}>
                          {(role) => <span class="badge">{t(`role.${role}`)}</span>}
                        </For>
                      </span>
                      <span class="muted">
                        {t('users.invitations.expires', { date: formatDate(invitation.expiresAt) })}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </AsyncContent>
      </section>

      <FrontDeskKeyPanel refresh={certifications()} />

      <InviteDialog
        open={inviting()}
        onOpenChange={setInviting}
        onInvited={(invitation) => {
          setInviting(false);
          setNotice(t('users.inviteDialog.sent', { email: invitation.email }));
          void refetchInvitations();
        }}
      />
      <CounselorProfileDialog
        counselor={profiling()}
        onClose={() => setProfiling(null)}
        onSaved={(counselor) => {
          setProfiling(null);
          setFailure(null);
          setNotice(t('profile.savedFor', { name: counselor.displayName }));
        }}
      />
      <CertifyDialog
        pending={certifying()}
        onClose={() => setCertifying(null)}
        onCertified={(item) => {
          setCertifying(null);
          setNotice(t('users.certify.done', { name: item.displayName }));
          setCertifications((count) => count + 1);
          void refetchPending();
          void refetchMembers();
        }}
      />
    </div>
  );
}
