import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { PortalLinkView } from '../../../../core/api/index';
import { portalForm, portalForms } from '../../../../core/forms/index';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import {
  discardCaseSubmission,
  fileCaseSubmission,
  loadCasePortal,
  withdrawPortalLink,
} from '../../lib/portal';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Loading } from '../../ui/Loading';
import { RetryAlert } from '../../ui/RetryAlert';
import { localized } from '../forms/localized';
import { SendLinkForm } from './SendLinkForm';
import { SubmissionCard } from './SubmissionCard';

const STATUS_BADGE: Record<PortalLinkView['status'], string> = {
  open: 'badge',
  submitted: 'badge badge--muted',
  expired: 'badge badge--muted',
  revoked: 'badge badge--muted',
  outdated: 'badge badge--warning',
};

/**
 * The case's client portal: one-time links for the client to fill a form on their phone, and
 * the answers they sent, opened here with the case inbox key and filed into the case as records.
 */
export function CasePortalPanel(props: {
  caseId: string;
  canWrite: boolean;
  logSeq: number;
  onChanged: () => void;
}) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const { vault } = useVault();
  const [version, setVersion] = createSignal(0);
  const [portal] = createResource(
    () => ({ caseId: props.caseId, seq: props.logSeq, version: version() }),
    ({ caseId }) => vault.withKeys((keys) => loadCasePortal(keys, caseId)),
  );
  const [failure, setFailure] = createSignal<unknown>(null);
  const reload = () => setVersion((value) => value + 1);
  const formTitle = (ref: string) => {
    const form = portalForm(ref);
    return form ? localized(i18n, form.title) : ref;
  };
  const [withdrawing, setWithdrawing] = createSignal<PortalLinkView | null>(null);
  /** A withdrawn link is dead for good (the client would need a new one): it asks first. */
  const withdraw = async (link: PortalLinkView) => {
    setFailure(null);
    await vault.withKeys((keys) => withdrawPortalLink(keys, props.caseId, link.id));
    setWithdrawing(null);
    reload();
  };
  const discard = async (submissionId: string) => {
    await vault.withKeys((keys) => discardCaseSubmission(keys, props.caseId, submissionId));
    reload();
  };
  const file = async (submissionId: string) => {
    await vault.withKeys((keys) => fileCaseSubmission(keys, props.caseId, submissionId));
    props.onChanged();
  };

  return (
    <section class="card portal-panel" aria-labelledby="portal-heading">
      <div class="page-header">
        <h2 class="card__title" id="portal-heading">
          {t('portal.heading')}
        </h2>
        <button type="button" class="button button--quiet" onClick={reload} disabled={portal.loading}>
          {t('common.refresh')}
        </button>
      </div>
      <p class="muted">{t('portal.intro')}</p>
      <Show when={props.canWrite}>
        <SendLinkForm caseId={props.caseId} forms={portalForms()} onSent={reload} />
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <Switch>
        <Match when={portal.state === 'errored'}>
          <RetryAlert error={portal.error} onRetry={reload} />
        </Match>
        <Match when={portal.latest}>
          {(loaded) => (
            <>
              <h3 class="portal-panel__subheading">{t('portal.pending.heading')}</h3>
              <Show
                when={loaded().pending.length > 0}
                fallback={<p class="empty">{t('portal.pending.empty')}</p>}
              >
                <ol class="record-list">
                  <For each={loaded().pending}>
                    {(opened) => (
                      <SubmissionCard
                        opened={opened}
                        canFile={props.canWrite}
                        onFile={() => file(opened.submission.id)}
                        onDiscard={() => discard(opened.submission.id)}
                      />
                    )}
                  </For>
                </ol>
              </Show>
              <Show when={loaded().links.length > 0}>
                <h3 class="portal-panel__subheading">{t('portal.links.heading')}</h3>
                <div class="table-wrap">
                  <table class="table">
                    <thead>
                      <tr>
                        <th scope="col">{t('portal.links.col.form')}</th>
                        <th scope="col">{t('portal.links.col.status')}</th>
                        <th scope="col">{t('portal.links.col.expires')}</th>
                        <th scope="col">
                          <span class="visually-hidden">{t('portal.links.col.actions')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={loaded().links}>
                        {(link) => (
                          <tr>
                            <td>{formTitle(link.form)}</td>
                            <td>
                              <span class={STATUS_BADGE[link.status]}>
                                {t(`portal.status.${link.status}`)}
                              </span>
                            </td>
                            <td class="nowrap">{formatDateTime(link.expiresAt)}</td>
                            <td>
                              <Show when={props.canWrite && link.status === 'open'}>
                                <button
                                  type="button"
                                  class="button button--quiet"
                                  aria-label={t('portal.links.withdrawNamed', { form: formTitle(link.form) })}
                                  onClick={() => setWithdrawing(link)}
                                >
                                  {t('portal.links.withdraw')}
                                </button>
                              </Show>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
            </>
          )}
        </Match>
        <Match when={true}>
          <Loading label={t('portal.loading')} />
        </Match>
      </Switch>
      <ConfirmDialog
        subject={withdrawing()}
        title={(link) => t('portal.links.withdrawConfirm', { form: formTitle(link.form) })}
        body={() => t('portal.links.withdrawBody')}
        confirmLabel={t('portal.links.withdraw')}
        workingLabel={t('portal.links.withdrawing')}
        action={withdraw}
        onClose={() => setWithdrawing(null)}
      />
    </section>
  );
}
