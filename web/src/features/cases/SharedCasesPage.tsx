import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import type { CaseLookupEntry } from '../../../../core/api/index';
import { cancelAccessRequest, findCaseToRequest, listCases, listMyAccessRequests } from '../../lib/cases';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { EmptyState } from '../../ui/EmptyState';
import { TextField } from '../../ui/TextField';
import { CaseTable } from './CaseTable';
import { caseNumber, DAY_MS, STATUS_BADGE } from './labels';
import './cases.css';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** A case link (…/cases/<id>), a case id, or a case number (8 hex digits, as the pages show it). */
export function parseCaseReference(text: string): { caseId: string } | { number: string } | null {
  const lower = text.trim().toLowerCase();
  const caseId = lower.match(UUID)?.[0];
  if (caseId) return { caseId };
  const number = lower.match(/^(?:个案\s*|case\s*)?([0-9a-f]{8})$/)?.[1];
  return number ? { number } : null;
}

/** A supervisor's cases: live grants to other counselors' cases, and the requests still open. */
export function SharedCasesPage() {
  const { t, formatDate } = useI18n();
  const { session } = useSession();
  const navigate = useNavigate();
  const [cases, { refetch }] = createResource(listCases);
  const [requests, { refetch: refetchRequests }] = createResource(listMyAccessRequests);
  const [reference, setReference] = createSignal('');
  const [problem, setProblem] = createSignal<'shared.open.invalid' | 'shared.open.notFound' | null>(null);
  const [finding, setFinding] = createSignal(false);
  const [matches, setMatches] = createSignal<readonly CaseLookupEntry[]>([]);
  const [failure, setFailure] = createSignal<unknown>(null);
  const problemText = () => {
    const key = problem();
    return key ? t(key) : null;
  };
  const shared = () => (cases() ?? []).filter((item) => item.primaryCounselorId !== session()?.user.id);

  const open = async (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = parseCaseReference(reference());
    setProblem(parsed ? null : 'shared.open.invalid');
    setMatches([]);
    setFailure(null);
    if (!parsed) return;
    if ('caseId' in parsed) return navigate(`/cases/${parsed.caseId}`);
    setFinding(true);
    try {
      const found = await findCaseToRequest(parsed.number);
      if (found.length === 1 && found[0]) navigate(`/cases/${found[0].id}`);
      else if (found.length === 0) setProblem('shared.open.notFound');
      else setMatches(found);
    } catch (error) {
      setFailure(error);
    } finally {
      setFinding(false);
    }
  };

  const cancel = async (requestId: string) => {
    setFailure(null);
    try {
      await cancelAccessRequest(requestId);
      await refetchRequests();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <div class="cases-page">
      <div class="page-header">
        <h1>{t('shared.heading')}</h1>
      </div>
      <p class="muted">{t('shared.intro')}</p>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <form class="card open-case" onSubmit={(event) => void open(event)} novalidate aria-busy={finding()}>
        <TextField
          label={t('shared.open.label')}
          value={reference()}
          onChange={setReference}
          error={problemText()}
        />
        <button type="submit" class="button button--primary" disabled={finding()}>
          {finding() ? t('shared.open.finding') : t('shared.open.submit')}
        </button>
      </form>
      <Show when={matches().length > 0}>
        <section class="card">
          <p>{t('shared.open.many')}</p>
          <ul class="access-list">
            <For each={matches()}>
              {(entry) => (
                <li class="access-list__item access-list__item--row">
                  <A class="case-link" href={`/cases/${entry.id}`}>
                    {t('cases.caseNumber', { id: caseNumber(entry.id) })}
                  </A>
                  <span class="muted">
                    {t('shared.open.counselor', { name: entry.primaryCounselor.displayName })}
                  </span>
                  <span class={STATUS_BADGE[entry.status]}>{t(`cases.status.${entry.status}`)}</span>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <section class="card">
        <AsyncContent resource={cases} onRetry={() => void refetch()}>
          {() => (
            <Show
              when={shared().length > 0}
              fallback={<EmptyState title={t('shared.empty')} hint={t('shared.emptyHint')} />}
            >
              <CaseTable cases={shared()} />
            </Show>
          )}
        </AsyncContent>
      </section>
      <section class="card" aria-labelledby="requests-heading">
        <h2 class="card__title" id="requests-heading">
          {t('shared.requests')}
        </h2>
        <Show
          when={(requests() ?? []).length > 0}
          fallback={<p class="empty">{t('shared.requests.empty')}</p>}
        >
          <ul class="access-list">
            <For each={requests()}>
              {(request) => (
                <li class="access-list__item access-list__item--row">
                  <span>
                    {t('cases.caseNumber', { id: caseNumber(request.caseId) })} ·{' '}
                    {t(`access.reason.${request.reason}`)} · {t(`cases.perm.${request.perm}`)} ·{' '}
                    {t('shared.request.days', { days: Math.round(request.durationMs / DAY_MS) })} ·{' '}
                    {formatDate(request.createdAt)}
                  </span>
                  <span class="badge badge--muted">{t(`shared.request.status.${request.status}`)}</span>
                  <Show when={request.status === 'pending' || request.status === 'approved'}>
                    <button
                      type="button"
                      class="button button--quiet"
                      onClick={() => void cancel(request.id)}
                    >
                      {t('access.cancel')}
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </div>
  );
}
