import { createSignal, For, Show } from 'solid-js';
import {
  type AccessRequest,
  type CaseFile,
  type CaseGrant,
  decideCaseAccess,
  deliverCaseAccess,
  type Person,
  revokeCaseAccess,
  rotateCaseKeyNow,
} from '../../lib/cases';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { OperationProgress } from '../../ui/OperationProgress';
import { accessLabel, caseNumber, DAY_MS } from './labels';

/**
 * The primary counselor's side of temporary access: decide requests, deliver the key from this
 * browser once approved, see who holds the key, revoke. Revoking asks first, then rotates the key
 * at once when I may write (otherwise the next writer's visit does, PROTOCOL §5).
 */
export function AccessPanel(props: {
  file: CaseFile;
  pendingRequests: readonly AccessRequest[];
  people: ReadonlyMap<string, Person>;
  onChanged: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { vault } = useVault();
  const { session } = useSession();
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [revoking, setRevoking] = createSignal<CaseGrant | null>(null);
  const [revokeStep, setRevokeStep] = createSignal<1 | 2>(1);
  const caseId = () => props.file.summary.id;
  const canRotate = () => props.file.summary.myPerm === 'write';

  const [busyRevoking, setBusyRevoking] = createSignal(false);

  /**
   * Step 1 takes the grant away; step 2 gives the remaining holders a new key generation. Should
   * step 2 fail, the access stays revoked and the next writer's visit rotates (the case file says so).
   */
  const revoke = async (grant: CaseGrant) => {
    setBusyRevoking(true);
    setRevokeStep(1);
    setFailure(null);
    try {
      await revokeCaseAccess(caseId(), grant.id);
      let done = t('case.access.revoked', { name: nameOf(grant.to) });
      if (canRotate()) {
        setRevokeStep(2);
        try {
          const epoch = await vault.withKeys((keys) => rotateCaseKeyNow(keys, caseId()));
          done = t('case.access.revokedRotated', { name: nameOf(grant.to), epoch });
        } catch (error) {
          setFailure(error);
        }
      }
      setRevoking(null);
      setNotice(done);
      props.onChanged();
    } finally {
      setBusyRevoking(false);
    }
  };
  const nameOf = (id: string) => props.people.get(id)?.displayName ?? id;

  const act = async (work: () => Promise<void>, done?: string) => {
    if (busy()) return;
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      await work();
      if (done) setNotice(done);
      props.onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const describe = (request: AccessRequest) =>
    t('case.access.request', {
      name: nameOf(request.requesterId),
      perm: t(`cases.perm.${request.perm}`),
      days: Math.round(request.durationMs / DAY_MS),
      reason: t(`access.reason.${request.reason}`),
    });

  const shareLink = () => `${location.origin}/cases/${caseId()}`;

  return (
    <section class="card" aria-labelledby="access-heading">
      <h2 class="card__title" id="access-heading">
        {t('case.access.heading')}
      </h2>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <Show when={notice()}>
        <Alert tone="success">{notice()}</Alert>
      </Show>

      <h3 class="access-subheading">{t('case.access.requests')}</h3>
      <Show
        when={props.pendingRequests.length > 0}
        fallback={<p class="empty">{t('case.access.noRequests')}</p>}
      >
        <ul class="access-list">
          <For each={props.pendingRequests}>
            {(request) => (
              <li class="access-list__item">
                <span>{describe(request)}</span>
                <Show when={request.noteText}>
                  {(note) => <span class="muted">{t('case.access.note', { note: note() })}</span>}
                </Show>
                <div class="button-row">
                  <button
                    type="button"
                    class="button button--primary"
                    disabled={busy()}
                    onClick={() => void act(() => decideCaseAccess(request.id, 'approve'))}
                  >
                    {t('case.access.approve')}
                  </button>
                  <button
                    type="button"
                    class="button"
                    disabled={busy()}
                    onClick={() => void act(() => decideCaseAccess(request.id, 'deny'))}
                  >
                    {t('case.access.deny')}
                  </button>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>

      <Show when={props.file.pendingDeliveries.length > 0}>
        <h3 class="access-subheading">{t('case.access.deliveries')}</h3>
        <ul class="access-list">
          <For each={props.file.pendingDeliveries}>
            {(request) => (
              <li class="access-list__item">
                <span>{describe(request)}</span>
                <div class="button-row">
                  <button
                    type="button"
                    class="button button--primary"
                    disabled={busy()}
                    onClick={() =>
                      void act(
                        () => vault.withKeys((keys) => deliverCaseAccess(keys, caseId(), request.id)),
                        t('case.access.delivered', { name: nameOf(request.requesterId) }),
                      )
                    }
                  >
                    {t('case.access.deliver')}
                  </button>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>

      <h3 class="access-subheading">{t('case.access.grants')}</h3>
      <ul class="access-list">
        <For each={props.file.grants.filter((grant) => grant.status === 'live')}>
          {(grant) => (
            <li class="access-list__item access-list__item--row">
              <span>
                <strong>{grant.isRecovery ? t('case.access.recovery') : nameOf(grant.to)}</strong>
                <span class="muted"> · {accessLabel(i18n, grant.perm, grant.expiresAt)}</span>
              </span>
              <Show when={!grant.isRecovery && grant.to !== session()?.user.id}>
                <button
                  type="button"
                  class="button button--danger"
                  disabled={busy() || revoking() !== null}
                  aria-label={t('case.access.revokeNamed', { name: nameOf(grant.to) })}
                  onClick={() => setRevoking(grant)}
                >
                  {t('case.access.revoke')}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>

      <ConfirmDialog
        subject={revoking()}
        title={(grant) => t('case.access.revokeConfirm.title', { name: nameOf(grant.to) })}
        body={(grant) =>
          t(canRotate() ? 'case.access.revokeConfirm.bodyRotate' : 'case.access.revokeConfirm.body', {
            name: nameOf(grant.to),
            number: caseNumber(caseId()),
          })
        }
        confirmLabel={t('case.access.revoke')}
        workingLabel={t('case.access.revoking')}
        action={revoke}
        onClose={() => setRevoking(null)}
      >
        {() => (
          <Show when={busyRevoking()}>
            <OperationProgress
              label={t(
                revokeStep() === 1 ? 'case.access.revokeStep.revoke' : 'case.access.revokeStep.rotate',
                {
                  step: revokeStep(),
                  steps: canRotate() ? 2 : 1,
                },
              )}
              done={revokeStep() - 1}
              total={canRotate() ? 2 : 1}
            />
          </Show>
        )}
      </ConfirmDialog>

      <label class="field share-link">
        <span class="field__label">{t('case.access.shareLink')}</span>
        <input
          class="field__input"
          readOnly
          value={shareLink()}
          onFocus={(event) => event.currentTarget.select()}
        />
        <span class="field__hint">{t('case.access.shareHint', { number: caseNumber(caseId()) })}</span>
      </label>
    </section>
  );
}
