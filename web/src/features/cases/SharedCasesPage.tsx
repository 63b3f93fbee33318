import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { listCases, listMyAccessRequests } from '../../lib/cases';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { AsyncContent } from '../../ui/AsyncContent';
import { TextField } from '../../ui/TextField';
import { CaseTable } from './CaseTable';
import { caseNumber, DAY_MS } from './labels';
import './cases.css';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** A case link as the counselor shares it (…/cases/<id>?counselor=<id>), or a bare case id. */
export function parseCaseLink(text: string): { caseId: string; counselorId?: string } | null {
  const lower = text.trim().toLowerCase();
  const caseId = lower.match(new RegExp(`cases/(${UUID.source})`))?.[1] ?? lower.match(UUID)?.[0];
  if (!caseId) return null;
  const counselorId = lower.match(new RegExp(`counselor=(${UUID.source})`))?.[1];
  return counselorId ? { caseId, counselorId } : { caseId };
}

/** A supervisor's cases: live grants to other counselors' cases, and the requests still open. */
export function SharedCasesPage() {
  const { t, formatDate } = useI18n();
  const { session } = useSession();
  const navigate = useNavigate();
  const [cases, { refetch }] = createResource(listCases);
  const [requests] = createResource(listMyAccessRequests);
  const [link, setLink] = createSignal('');
  const [invalid, setInvalid] = createSignal(false);
  const shared = () => (cases() ?? []).filter((item) => item.primaryCounselorId !== session()?.user.id);

  const open = (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = parseCaseLink(link());
    setInvalid(!parsed);
    if (!parsed) return;
    navigate(`/cases/${parsed.caseId}${parsed.counselorId ? `?counselor=${parsed.counselorId}` : ''}`);
  };

  return (
    <div class="cases-page">
      <div class="page-header">
        <h1>{t('shared.heading')}</h1>
      </div>
      <p class="muted">{t('shared.intro')}</p>
      <form class="card open-case" onSubmit={open} novalidate>
        <TextField
          label={t('shared.open.label')}
          value={link()}
          onChange={setLink}
          error={invalid() ? t('shared.open.invalid') : null}
        />
        <button type="submit" class="button button--primary">
          {t('shared.open.submit')}
        </button>
      </form>
      <section class="card">
        <AsyncContent resource={cases} onRetry={() => void refetch()}>
          {() => (
            <Show when={shared().length > 0} fallback={<p class="empty">{t('shared.empty')}</p>}>
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
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </div>
  );
}
