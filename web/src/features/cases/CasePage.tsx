import { A, useParams, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import {
  type CaseFile,
  fetchPeople,
  forgetOpenedRecordsOnLock,
  openCaseAside,
  openCaseFile,
  type Person,
} from '../../lib/cases';
import { AppError, errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { valueOr } from '../../lib/resource';
import { useSession } from '../../lib/session';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { RetryAlert } from '../../ui/RetryAlert';
import { CaseConferencesPanel } from '../conferences/CaseConferencesPanel';
import { NewConferenceDialog } from '../conferences/NewConferenceDialog';
import { CaseMeasurement } from '../portal/CaseMeasurement';
import { AccessPanel } from './AccessPanel';
import { CaseAdminPanel } from './CaseAdminPanel';
import { CaseProcessesPanel } from './CaseProcessesPanel';
import { ContactCardPanel } from './ContactCardPanel';
import { accessLabel, caseNumber, STATUS_BADGE } from './labels';
import { RecordList } from './RecordList';
import { RequestAccessPanel } from './RequestAccessPanel';
import './cases.css';
import { FormPicker } from '../forms/FormPicker';

const NO_ACCESS = ['no_case_access', 'grant_revoked', 'grant_expired'];

/**
 * One case file: verified as a whole before anything is shown (PROTOCOL §6). A failed check shows
 * its specific warning and no content; no access shows the way to ask for it.
 */
export function CasePage() {
  const params = useParams<{ id: string }>();
  const [search] = useSearchParams<{ history?: string }>();
  const { t } = useI18n();
  const { vault } = useVault();
  const { session } = useSession();
  const [version, setVersion] = createSignal(0);
  forgetOpenedRecordsOnLock(vault);
  const [file] = createResource(
    () => ({ id: params.id, history: search.history, version: version() }),
    ({ id, history }) => vault.withKeys((keys) => openCaseFile(keys, id, history)),
  );
  const [people] = createResource(fetchPeople, { initialValue: new Map<string, Person>() });
  const errorCode = () => (file.error instanceof AppError ? file.error.code : 'unknown');
  const isCounselor = () => (session()?.user.roles ?? []).includes('counselor');
  const canAsk = () =>
    (session()?.user.roles ?? []).some((role) => role === 'supervisor' || role === 'counselor');

  return (
    <div class="case-page">
      <A href={isCounselor() ? '/cases' : '/shared-cases'} class="back-link">
        {isCounselor() ? t('case.back') : t('case.backShared')}
      </A>
      <Switch>
        <Match when={file.state === 'errored'}>
          <h1>{t('cases.caseNumber', { id: caseNumber(params.id) })}</h1>
          <Show
            when={NO_ACCESS.includes(errorCode())}
            fallback={
              <Show
                when={errorCode().startsWith('integrity')}
                fallback={<RetryAlert error={file.error} onRetry={() => setVersion((v) => v + 1)} />}
              >
                <Alert tone="error">
                  <strong>{t('case.verifyFailed')}</strong> {t(errorMessageKey(file.error))}
                </Alert>
              </Show>
            }
          >
            <Alert tone="warning">{t(errorMessageKey(file.error))}</Alert>
            <Show when={canAsk()}>
              <RequestAccessPanel caseId={params.id} />
            </Show>
          </Show>
        </Match>
        <Match when={file.latest}>
          {(loaded) => (
            <CaseFileView
              file={loaded()}
              people={valueOr(people, new Map())}
              onChanged={() => setVersion((v) => v + 1)}
            />
          )}
        </Match>
        <Match when={true}>
          <Loading label={t('case.opening')} />
        </Match>
      </Switch>
    </div>
  );
}

function CaseFileView(props: { file: CaseFile; people: ReadonlyMap<string, Person>; onChanged: () => void }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { session } = useSession();
  const { vault } = useVault();
  const summary = () => props.file.summary;
  const canWrite = () => summary().myPerm === 'write';
  const isPrimary = () => summary().primaryCounselorId === session()?.user.id;
  const [conferring, setConferring] = createSignal(false);
  // Beside the records, opened once they are on screen: the notes come first (docs/benchmarks.md).
  const [aside, { refetch: refetchAside }] = createResource(
    () => props.file.summary,
    (loaded) => vault.withKeys((keys) => openCaseAside(keys, loaded)),
  );
  // reading a failed resource throws: the panels get nothing and the contact panel shows the failure
  const asideValue = () => (aside.state === 'errored' ? undefined : aside());

  return (
    <>
      <div class="page-header">
        <h1>
          {t('cases.caseNumber', { id: caseNumber(summary().id) })}{' '}
          <span class={STATUS_BADGE[summary().status]}>{t(`cases.status.${summary().status}`)}</span>
        </h1>
        <div class="button-row">
          <Show when={canWrite()}>
            <A class="button button--primary" href={`/cases/${summary().id}/write/session-note`}>
              {t('case.records.writeNote')}
            </A>
            <A class="button" href={`/cases/${summary().id}/write/intake`}>
              {t('case.records.writeIntake')}
            </A>
            <A class="button" href={`/cases/${summary().id}/write/consent-scan`}>
              {t('case.records.writeConsentScan')}
            </A>
            <FormPicker caseId={summary().id} except={['session-note', 'intake', 'consent-scan']} />
          </Show>
          <button type="button" class="button" onClick={() => setConferring(true)}>
            {t('conferences.start')}
          </button>
          <A class="button button--quiet" href={`/cases/${summary().id}/print`}>
            {t('case.export.open')}
          </A>
        </div>
      </div>
      <NewConferenceDialog caseId={summary().id} open={conferring()} onOpenChange={setConferring} />
      <p class="muted">
        {t(`cases.service.${summary().serviceType}`)} · {t(`cases.channel.${summary().channel}`)} ·{' '}
        {t('case.openedOn', { date: formatDate(summary().openedAt) })} ·{' '}
        {accessLabel(i18n, summary().myPerm, summary().myExpiresAt)} ·{' '}
        <A href={`/cases/${summary().id}/access-log`}>{t('accessLog.link')}</A>
      </p>
      <Alert tone="success">
        {t(props.file.verifiedEntries === 1 ? 'case.verifiedOne' : 'case.verified', {
          count: props.file.verifiedEntries,
        })}
      </Alert>
      <Show when={props.file.rotatedToEpoch}>
        {(epoch) => <Alert tone="info">{t('case.rotated', { epoch: epoch() })}</Alert>}
      </Show>
      <Show when={!canWrite()}>
        <p class="muted">{t('case.readOnly')}</p>
      </Show>

      <div class="case-layout">
        <div class="case-layout__main">
          <Show when={props.file.history}>
            {(history) => (
              <section class="card" aria-labelledby="history-heading">
                <div class="page-header">
                  <h2 class="card__title" id="history-heading">
                    {t('case.history.heading')}
                  </h2>
                  <A class="button button--quiet" href={`/cases/${summary().id}`}>
                    {t('case.history.close')}
                  </A>
                </div>
                <RecordList
                  caseId={summary().id}
                  records={history()}
                  people={props.people}
                  canWrite={false}
                  asHistory
                />
              </section>
            )}
          </Show>
          <CaseMeasurement file={props.file} onChanged={props.onChanged} />
          <section class="card" aria-labelledby="records-heading">
            <h2 class="card__title" id="records-heading">
              {t('case.records.heading')}
            </h2>
            <Show
              when={props.file.records.length > 0}
              fallback={
                <EmptyState
                  title={t('case.records.empty')}
                  hint={t(canWrite() ? 'case.records.emptyHint' : 'case.records.emptyHintReadOnly')}
                  action={
                    canWrite() ? (
                      <A class="button" href={`/cases/${summary().id}/write/session-note`}>
                        {t('case.records.writeFirst')}
                      </A>
                    ) : undefined
                  }
                />
              }
            >
              <RecordList
                caseId={summary().id}
                records={props.file.records}
                people={props.people}
                canWrite={canWrite()}
              />
            </Show>
          </section>
        </div>
        <div class="case-layout__side">
          <ContactCardPanel
            card={asideValue()?.contact}
            loading={aside.loading}
            error={aside.state === 'errored' ? aside.error : null}
            onRetry={() => void refetchAside()}
          />
          <CaseConferencesPanel caseId={summary().id} />
          <Show when={canWrite() || isPrimary()}>
            <CaseAdminPanel file={props.file} people={props.people} onChanged={props.onChanged} />
          </Show>
          <Show when={isPrimary() && canWrite()}>
            <CaseProcessesPanel summary={summary()} />
          </Show>
          <Show when={isPrimary()}>
            <AccessPanel
              file={props.file}
              pendingRequests={asideValue()?.pendingRequests ?? []}
              people={props.people}
              onChanged={props.onChanged}
            />
          </Show>
        </div>
      </div>
    </>
  );
}
