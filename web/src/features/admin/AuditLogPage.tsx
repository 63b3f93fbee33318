import { createResource, createSignal, For, Show } from 'solid-js';
import {
  type AuditEvent,
  type AuditPage,
  type AuditVerification,
  listAuditEvents,
  signAuditHeadWith,
  verifyAuditChain,
} from '../../lib/account';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { AuditIcon } from '../../ui/icons';
import './admin.css';

const PAGE_SIZE = 50;

export function AuditLogPage() {
  const { t, formatDateTime } = useI18n();
  const { session } = useSession();
  const { vault } = useVault();
  // An admin's browser signs the head it verified as a checkpoint (PROTOCOL §8); directors only verify.
  const checkpointSigner = () =>
    session()?.user.roles.includes('admin')
      ? (n: number, head: Uint8Array) => vault.withKeys((keys) => signAuditHeadWith(keys, n, head))
      : undefined;
  const [firstPage, { refetch }] = createResource(() => listAuditEvents({ limit: PAGE_SIZE }));
  const [olderPages, setOlderPages] = createSignal<readonly AuditPage[]>([]);
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [loadMoreFailure, setLoadMoreFailure] = createSignal<unknown>(null);
  const [verification, setVerification] = createSignal<AuditVerification | null>(null);
  const [verifying, setVerifying] = createSignal(false);
  const [verifyFailure, setVerifyFailure] = createSignal<unknown>(null);

  const lastPage = () => olderPages().at(-1) ?? firstPage.latest;
  const older = (): readonly AuditEvent[] => olderPages().flatMap((page) => page.events);

  const loadMore = async () => {
    const beforeSeq = lastPage()?.nextBeforeSeq;
    if (beforeSeq == null || loadingMore()) return;
    setLoadingMore(true);
    setLoadMoreFailure(null);
    try {
      const page = await listAuditEvents({ beforeSeq, limit: PAGE_SIZE });
      setOlderPages((pages) => [...pages, page]);
    } catch (error) {
      setLoadMoreFailure(error);
    } finally {
      setLoadingMore(false);
    }
  };

  const verify = async () => {
    setVerifying(true);
    setVerification(null);
    setVerifyFailure(null);
    try {
      setVerification(await verifyAuditChain(checkpointSigner()));
    } catch (error) {
      setVerifyFailure(error);
    } finally {
      setVerifying(false);
    }
  };

  const row = (event: AuditEvent) => (
    <tr>
      <td class="numeric">{event.seq}</td>
      <td class="nowrap">{formatDateTime(event.time)}</td>
      <td>{event.actor?.displayName ?? t('audit.system')}</td>
      <td>
        <code>{event.type}</code>
      </td>
      <td>{event.subject ?? '—'}</td>
    </tr>
  );

  return (
    <div class="admin-page">
      <div class="page-header">
        <div>
          <h1>{t('audit.heading')}</h1>
          <p class="lead">{t('audit.intro')}</p>
        </div>
        <button
          type="button"
          class="button button--primary"
          disabled={verifying()}
          onClick={() => void verify()}
        >
          <AuditIcon />
          {verifying() ? t('audit.verifying') : t('audit.verify')}
        </button>
      </div>

      <Show when={verification()} keyed>
        {(result) =>
          result.intact ? (
            <Alert tone="success">{t('audit.verified', { seq: result.verifiedThroughSeq })}</Alert>
          ) : (
            <Alert tone="error">{t('audit.broken', { seq: result.brokenAtSeq })}</Alert>
          )
        }
      </Show>
      <Show when={verifyFailure()}>
        <Alert tone="error">{t(errorMessageKey(verifyFailure()))}</Alert>
      </Show>

      <section class="card">
        <AsyncContent resource={firstPage} onRetry={() => void refetch()}>
          {(page) => (
            <Show when={page.events.length > 0} fallback={<p class="empty">{t('audit.empty')}</p>}>
              <div class="table-wrap">
                <table class="table">
                  <caption>{t('audit.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col" class="numeric">
                        {t('audit.col.seq')}
                      </th>
                      <th scope="col">{t('audit.col.time')}</th>
                      <th scope="col">{t('audit.col.actor')}</th>
                      <th scope="col">{t('audit.col.type')}</th>
                      <th scope="col">{t('audit.col.subject')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={page.events}>{row}</For>
                    <For each={older()}>{row}</For>
                  </tbody>
                </table>
              </div>
              <Show when={loadMoreFailure()}>
                <Alert tone="error">{t(errorMessageKey(loadMoreFailure()))}</Alert>
              </Show>
              <Show when={lastPage()?.nextBeforeSeq != null}>
                <div class="button-row">
                  <button
                    type="button"
                    class="button"
                    disabled={loadingMore()}
                    onClick={() => void loadMore()}
                  >
                    {loadingMore() ? t('common.loading') : t('audit.loadMore')}
                  </button>
                </div>
              </Show>
            </Show>
          )}
        </AsyncContent>
      </section>
    </div>
  );
}
