import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { listCases } from '../../lib/cases';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { AsyncContent } from '../../ui/AsyncContent';
import { EmptyState } from '../../ui/EmptyState';
import { CaseTable } from './CaseTable';
import { NewCaseDialog } from './NewCaseDialog';
import './cases.css';

/** A counselor's cases: the ones they are primary counselor of. */
export function CasesPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const navigate = useNavigate();
  const [cases, { refetch }] = createResource(listCases);
  const [creating, setCreating] = createSignal(false);
  const mine = () => (cases() ?? []).filter((item) => item.primaryCounselorId === session()?.user.id);

  return (
    <div class="cases-page">
      <div class="page-header">
        <h1>{t('cases.heading')}</h1>
        <button type="button" class="button button--primary" onClick={() => setCreating(true)}>
          {t('cases.new')}
        </button>
      </div>
      <p class="muted">{t('cases.intro')}</p>
      <section class="card">
        <AsyncContent resource={cases} onRetry={() => void refetch()}>
          {() => (
            <Show
              when={mine().length > 0}
              fallback={
                <EmptyState
                  title={t('cases.empty')}
                  hint={t('cases.emptyHint')}
                  action={
                    <button type="button" class="button" onClick={() => setCreating(true)}>
                      {t('cases.newFirst')}
                    </button>
                  }
                />
              }
            >
              <CaseTable cases={mine()} />
            </Show>
          )}
        </AsyncContent>
      </section>
      <NewCaseDialog
        open={creating()}
        onOpenChange={setCreating}
        onCreated={(caseId) => {
          setCreating(false);
          navigate(`/cases/${caseId}`);
        }}
      />
    </div>
  );
}
