import { createResource, createSignal, createUniqueId, For, Show } from 'solid-js';
import { CASE_TRANSITIONS, type CaseStatus } from '../../../../core/api/index';
import {
  type CaseFile,
  changeCaseStatus,
  giveKeyToPrimaryCounselor,
  listTransferCandidates,
  type Person,
  rotateCaseKeyNow,
} from '../../lib/cases';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { OperationProgress } from '../../ui/OperationProgress';
import { caseNumber } from './labels';
import { TransferDialog } from './TransferDialog';

/**
 * Managing a case: its status and transfer (its primary counselor or a director), and a new
 * generation of its key (any holder with write access, PROTOCOL §5). Every change is audited.
 */
export function CaseAdminPanel(props: {
  file: CaseFile;
  people: ReadonlyMap<string, Person>;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { vault } = useVault();
  const { session } = useSession();
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [chosen, setChosen] = createSignal('');
  const [confirming, setConfirming] = createSignal<{ id: string; displayName: string } | null>(null);
  const [ending, setEnding] = createSignal<CaseStatus | null>(null);
  const [rotating, setRotating] = createSignal(false);
  const selectId = createUniqueId();
  const summary = () => props.file.summary;
  const me = () => session()?.user;
  const canWrite = () => summary().myPerm === 'write';
  const isManager = () =>
    summary().primaryCounselorId === me()?.id || (me()?.roles ?? []).includes('director');
  const [candidates] = createResource(
    () => (isManager() && canWrite() ? summary().primaryCounselorId : null),
    (primary) => listTransferCandidates(primary),
  );
  const nameOf = (id: string) => props.people.get(id)?.displayName ?? id;
  const primaryHoldsKey = () =>
    props.file.grants.some((grant) => grant.to === summary().primaryCounselorId && grant.status === 'live');

  const act = async (work: () => Promise<string>) => {
    if (busy()) return;
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      setNotice(await work());
      props.onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const moveTo = (status: CaseStatus) =>
    act(async () => {
      await changeCaseStatus(summary().id, status);
      return t('case.admin.status.changed', { status: t(`cases.status.${status}`) });
    });

  /** Closing and archiving end the work on a case: they ask first, naming the case. */
  const chooseStatus = (status: CaseStatus) => {
    if (status === 'closed' || status === 'archived') setEnding(status);
    else void moveTo(status);
  };

  const endCase = async (status: CaseStatus) => {
    await changeCaseStatus(summary().id, status);
    setEnding(null);
    setFailure(null);
    setNotice(t('case.admin.status.changed', { status: t(`cases.status.${status}`) }));
    props.onChanged();
  };

  const rotate = () =>
    act(async () => {
      setRotating(true);
      try {
        const epoch = await vault.withKeys((keys) => rotateCaseKeyNow(keys, summary().id));
        return t('case.admin.rotate.done', { epoch });
      } finally {
        setRotating(false);
      }
    });

  const openTransfer = () => {
    const counselor = (candidates() ?? []).find((candidate) => candidate.id === chosen());
    if (counselor) setConfirming({ id: counselor.id, displayName: counselor.displayName });
  };

  return (
    <section class="card" aria-labelledby="admin-heading">
      <h2 class="card__title" id="admin-heading">
        {t('case.admin.heading')}
      </h2>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <Show when={notice()}>
        <Alert tone="success">{notice()}</Alert>
      </Show>

      <Show when={canWrite() && !primaryHoldsKey()}>
        <Alert tone="warning">
          {t('case.admin.primaryWithoutKey', { name: nameOf(summary().primaryCounselorId) })}
        </Alert>
        <div class="button-row">
          <button
            type="button"
            class="button button--primary"
            disabled={busy()}
            onClick={() =>
              void act(async () => {
                const primary = summary().primaryCounselorId;
                await vault.withKeys((keys) => giveKeyToPrimaryCounselor(keys, summary().id, primary));
                return t('case.admin.primaryDelivered', { name: nameOf(primary) });
              })
            }
          >
            {t('case.admin.deliverPrimary')}
          </button>
        </div>
      </Show>

      <Show when={isManager()}>
        <h3 class="access-subheading">{t('case.admin.status')}</h3>
        <Show
          when={CASE_TRANSITIONS[summary().status].length > 0}
          fallback={<p class="muted">{t('case.admin.status.final')}</p>}
        >
          <div class="button-row">
            <For each={CASE_TRANSITIONS[summary().status]}>
              {(status) => (
                <button type="button" class="button" disabled={busy()} onClick={() => chooseStatus(status)}>
                  {t('case.admin.status.move', { status: t(`cases.status.${status}`) })}
                </button>
              )}
            </For>
          </div>
        </Show>
      </Show>

      <Show when={isManager() && canWrite()}>
        <h3 class="access-subheading">{t('case.admin.transfer')}</h3>
        <Show
          when={(candidates() ?? []).length > 0}
          fallback={
            <p class="muted">{candidates.loading ? t('common.loading') : t('case.admin.transfer.none')}</p>
          }
        >
          <div class="field">
            <label class="field__label" for={selectId}>
              {t('case.admin.transfer.choose')}
            </label>
            <select
              id={selectId}
              class="field__select"
              value={chosen()}
              disabled={busy()}
              onChange={(event) => setChosen(event.currentTarget.value)}
            >
              <option value="">{t('form.choose')}</option>
              <For each={candidates()}>{(user) => <option value={user.id}>{user.displayName}</option>}</For>
            </select>
          </div>
          <div class="button-row">
            <button type="button" class="button" disabled={busy() || !chosen()} onClick={openTransfer}>
              {t('case.admin.transfer.submit')}
            </button>
          </div>
        </Show>
        <TransferDialog
          caseId={summary().id}
          counselor={confirming()}
          onClose={() => setConfirming(null)}
          onTransferred={(name) => {
            setConfirming(null);
            setChosen('');
            setNotice(t('case.admin.transfer.done', { name }));
            props.onChanged();
          }}
        />
      </Show>

      <Show when={canWrite()}>
        <h3 class="access-subheading">{t('case.admin.rotate')}</h3>
        <p class="muted">{t('case.admin.rotate.hint', { epoch: props.file.currentEpoch })}</p>
        <div class="button-row">
          <button type="button" class="button" disabled={busy()} onClick={() => void rotate()}>
            {rotating() ? t('case.admin.rotate.working') : t('case.admin.rotate.submit')}
          </button>
        </div>
        <Show when={rotating()}>
          <OperationProgress label={t('case.admin.rotate.progress')} />
        </Show>
      </Show>
      <ConfirmDialog
        subject={ending()}
        title={(status) =>
          t('case.admin.end.title', { status: t(`cases.status.${status}`), number: caseNumber(summary().id) })
        }
        body={(status) =>
          t(status === 'archived' ? 'case.admin.end.archiveBody' : 'case.admin.end.closeBody')
        }
        confirmLabel={t('case.admin.end.confirm')}
        workingLabel={t('case.admin.end.working')}
        action={endCase}
        onClose={() => setEnding(null)}
      />
    </section>
  );
}
