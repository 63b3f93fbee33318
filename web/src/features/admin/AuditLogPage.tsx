import { createResource, createSignal, For, Show } from 'solid-js';
import type { AuditFilter } from '../../../../core/api/index';
import { type AuditVerification, signAuditHeadWith, verifyAuditChain } from '../../lib/audit-log';
import { fetchPeople, type Person } from '../../lib/cases';
import {
  exportAuditLog,
  type FilteredAuditPage,
  listFilteredAudit,
  type NamedAuditEvent,
  saveFile,
} from '../../lib/compliance';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { EmptyState } from '../../ui/EmptyState';
import { AuditIcon } from '../../ui/icons';
import { OperationProgress } from '../../ui/OperationProgress';
import { AuditFilters } from './AuditFilters';
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
  const [filter, setFilter] = createSignal<AuditFilter>({});
  const [people] = createResource(fetchPeople, { initialValue: new Map<string, Person>() });
  const [firstPage, { refetch }] = createResource(filter, (current) =>
    listFilteredAudit(current, { limit: PAGE_SIZE }),
  );
  const [olderPages, setOlderPages] = createSignal<readonly FilteredAuditPage[]>([]);
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [loadMoreFailure, setLoadMoreFailure] = createSignal<unknown>(null);
  const [verification, setVerification] = createSignal<AuditVerification | null>(null);
  const [verifying, setVerifying] = createSignal(false);
  const [verifyFailure, setVerifyFailure] = createSignal<unknown>(null);
  const [exporting, setExporting] = createSignal(false);
  const [exported, setExported] = createSignal<number | null>(null);
  const [exportFailure, setExportFailure] = createSignal<unknown>(null);
  const [verifyRead, setVerifyRead] = createSignal<ReadProgress | null>(null);
  const [exportRead, setExportRead] = createSignal<ReadProgress | null>(null);

  const lastPage = () => olderPages().at(-1) ?? firstPage.latest;
  const older = (): readonly NamedAuditEvent[] => olderPages().flatMap((page) => page.events);

  const applyFilter = (next: AuditFilter) => {
    setOlderPages([]);
    setLoadMoreFailure(null);
    setFilter(next);
  };

  const loadMore = async () => {
    const before = lastPage()?.nextBefore;
    if (before == null || loadingMore()) return;
    setLoadingMore(true);
    setLoadMoreFailure(null);
    try {
      const page = await listFilteredAudit(filter(), { before, limit: PAGE_SIZE });
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
      setVerification(
        await verifyAuditChain(checkpointSigner(), (read, total) => setVerifyRead({ read, total })),
      );
    } catch (error) {
      setVerifyFailure(error);
    } finally {
      setVerifying(false);
      setVerifyRead(null);
    }
  };

  const download = async (format: 'csv' | 'json') => {
    setExporting(true);
    setExported(null);
    setExportFailure(null);
    try {
      const file = await exportAuditLog(format, filter(), (read, total) => setExportRead({ read, total }));
      saveFile(file);
      setExported(file.events);
    } catch (error) {
      setExportFailure(error);
    } finally {
      setExporting(false);
      setExportRead(null);
    }
  };

  const row = (event: NamedAuditEvent) => (
    <tr>
      <td class="numeric">{event.seq}</td>
      <td class="nowrap">{formatDateTime(event.at)}</td>
      <td>{event.actorName ?? event.actor ?? t('audit.system')}</td>
      <td>
        <code>{event.type}</code>
      </td>
      <td>
        <code class="audit-subject">{event.subject ?? '—'}</code>
      </td>
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

      <Show when={verifying()}>
        <ReadProgressLine progress={verifyRead()} />
      </Show>
      <Show when={verification()} keyed>
        {(result) =>
          result.intact ? (
            <Alert tone="success">
              {t('audit.verifiedWithCheckpoints', {
                seq: result.verifiedThroughSeq,
                checkpoints: result.checkpoints,
              })}
            </Alert>
          ) : (
            <Alert tone="error">{t(`audit.break.${result.reason}`, { seq: result.brokenAtSeq })}</Alert>
          )
        }
      </Show>
      <Show when={verifyFailure()}>
        <Alert tone="error">{t(errorMessageKey(verifyFailure()))}</Alert>
      </Show>

      <section class="card">
        <h2 class="card__title">{t('audit.filter.heading')}</h2>
        <AuditFilters people={people()} onApply={applyFilter} />
        <div class="button-row">
          <button type="button" class="button" disabled={exporting()} onClick={() => void download('csv')}>
            {exporting() ? t('audit.export.running') : t('audit.export.csv')}
          </button>
          <button type="button" class="button" disabled={exporting()} onClick={() => void download('json')}>
            {exporting() ? t('audit.export.running') : t('audit.export.json')}
          </button>
        </div>
        <Show when={exporting()}>
          <ReadProgressLine progress={exportRead()} />
        </Show>
        <Show when={exported() !== null}>
          <Alert tone="success">{t('audit.export.done', { count: exported() ?? 0 })}</Alert>
        </Show>
        <Show when={exportFailure()}>
          <Alert tone="error">{t(errorMessageKey(exportFailure()))}</Alert>
        </Show>
      </section>

      <section class="card">
        <AsyncContent resource={firstPage} onRetry={() => void refetch()}>
          {(page) => (
            <Show
              when={page.events.length > 0}
              fallback={
                <Show
                  when={Object.keys(filter()).length > 0}
                  fallback={<EmptyState title={t('audit.empty')} />}
                >
                  <EmptyState title={t('audit.emptyFiltered')} hint={t('audit.emptyFilteredHint')} />
                </Show>
              }
            >
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
              <Show when={lastPage()?.nextBefore != null}>
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

interface ReadProgress {
  readonly read: number;
  readonly total: number | undefined;
}

/** How much of the log a verification or an export has read: of how many, when that is known. */
function ReadProgressLine(props: { progress: ReadProgress | null }) {
  const { t } = useI18n();
  const label = () => {
    const now = props.progress;
    if (!now) return t('audit.progress.starting');
    return now.total === undefined
      ? t('audit.progress.read', { read: now.read })
      : t('audit.progress.readOf', { read: now.read, total: now.total });
  };
  const known = () => {
    const now = props.progress;
    return now?.total === undefined ? null : { read: now.read, total: now.total };
  };
  return (
    <Show when={known()} fallback={<OperationProgress label={label()} />}>
      {(now) => <OperationProgress label={label()} done={now().read} total={now().total} />}
    </Show>
  );
}
