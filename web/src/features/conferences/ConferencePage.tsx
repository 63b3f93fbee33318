import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import {
  type ConferencePerson,
  fetchConferencePeople,
  openConferenceThread,
  type ConferenceThread as Thread,
  type ThreadWarning,
} from '../../lib/conferences';
import { AppError, errorMessageKey } from '../../lib/errors';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { valueOr } from '../../lib/resource';
import { useSession } from '../../lib/session';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { RetryAlert } from '../../ui/RetryAlert';
import { caseNumber } from '../cases/labels';
import { Composer } from './Composer';
import { ConferenceThread } from './ConferenceThread';
import { expiryLabel, nameOf } from './labels';
import { type Notice, ParticipantsDialog } from './ParticipantsDialog';
import './conferences.css';

const NO_ACCESS = ['conference_not_found', 'conference_removed', 'conference_expired', 'grant_expired'];

const WARNING: Record<ThreadWarning, MessageKey> = {
  chain: 'conferences.warning.chain',
  gap: 'conferences.warning.gap',
  rollback: 'conferences.warning.rollback',
};

/**
 * One conference: every message verified against its author's certified key and opened in this
 * browser before it is shown; a message or a key link that fails is named, never shown.
 */
export function ConferencePage() {
  const params = useParams<{ id: string }>();
  const { t } = useI18n();
  const { vault } = useVault();
  const [version, setVersion] = createSignal(0);
  const [thread] = createResource(
    () => ({ id: params.id, version: version() }),
    ({ id }) => vault.withKeys((keys) => openConferenceThread(keys, id)),
  );
  const [people] = createResource(fetchConferencePeople, {
    initialValue: new Map<string, ConferencePerson>(),
  });
  const errorCode = () => (thread.error instanceof AppError ? thread.error.code : 'unknown');

  return (
    <div class="conference-page">
      <A href="/conferences" class="back-link">
        {t('conferences.back')}
      </A>
      <Switch>
        <Match when={thread.state === 'errored'}>
          <h1>{t('conferences.heading')}</h1>
          <Show
            when={NO_ACCESS.includes(errorCode())}
            fallback={<RetryAlert error={thread.error} onRetry={() => setVersion((v) => v + 1)} />}
          >
            <Alert tone="warning">{t(errorMessageKey(thread.error))}</Alert>
          </Show>
        </Match>
        <Match when={thread.latest}>
          {(loaded) => (
            <ThreadView
              thread={loaded()}
              people={valueOr(people, new Map())}
              onChanged={() => setVersion((v) => v + 1)}
            />
          )}
        </Match>
        <Match when={true}>
          <Loading label={t('conferences.opening')} />
        </Match>
      </Switch>
    </div>
  );
}

function ThreadView(props: {
  thread: Thread;
  people: ReadonlyMap<string, ConferencePerson>;
  onChanged: () => void;
}) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { session } = useSession();
  const [managing, setManaging] = createSignal(false);
  const [notice, setNotice] = createSignal<Notice | null>(null);
  const view = () => props.thread.view;
  const others = () =>
    view()
      .participants.filter((p) => p.userId !== session()?.user.id)
      .map(
        (p) =>
          props.people.get(p.userId) ?? {
            id: p.userId,
            displayName: nameOf(i18n, props.people, p.userId),
            clinician: true,
          },
      );
  const failed = () => props.thread.entries.filter((entry) => !entry.ok).length;

  return (
    <>
      <div class="page-header">
        <h1>{props.thread.title ?? t('conferences.untitled', { case: caseNumber(view().caseId) })}</h1>
        <div class="button-row">
          <button type="button" class="button" onClick={() => setManaging(true)}>
            {t('conferences.people.open', { count: view().participants.length })}
          </button>
        </div>
      </div>
      <p class="muted">
        <A href={`/cases/${view().caseId}`}>{t('cases.caseNumber', { id: caseNumber(view().caseId) })}</A> ·{' '}
        {t('conferences.startedBy', {
          name: nameOf(i18n, props.people, view().createdBy),
          date: formatDate(view().createdAt),
        })}{' '}
        · {expiryLabel(i18n, view().expiresAt)}
      </p>
      <Show when={notice()}>{(shown) => <Alert tone="success">{t(shown().key, shown().params)}</Alert>}</Show>
      <Show when={props.thread.rotatedToEpoch}>
        <Alert tone="info">{t('conferences.rotated')}</Alert>
      </Show>
      <Show
        when={failed() > 0 || props.thread.warnings.length > 0}
        fallback={
          <Alert tone="success">{t('conferences.verified', { count: props.thread.entries.length })}</Alert>
        }
      >
        <Alert tone="error">
          <strong>{t('conferences.verifyFailed')}</strong>
          <Show when={failed() > 0}> {t('conferences.failedCount', { count: failed() })}</Show>
          <For each={props.thread.warnings}>{(warning) => <> {t(WARNING[warning])}</>}</For>
        </Alert>
      </Show>
      <Show when={props.thread.summary}>
        {(summary) => (
          <section class="card" aria-labelledby="conference-summary">
            <h2 class="card__title" id="conference-summary">
              {t('conferences.summary')}
            </h2>
            <p class="conference-message__text">{summary()}</p>
          </section>
        )}
      </Show>
      <section class="card" aria-labelledby="conference-discussion">
        <h2 class="card__title" id="conference-discussion">
          {t('conferences.thread.heading')}
        </h2>
        <ConferenceThread
          conferenceId={view().id}
          entries={props.thread.entries}
          people={props.people}
          others={others()}
          onPosted={props.onChanged}
        />
      </section>
      <section class="card" aria-labelledby="conference-write">
        <h2 class="card__title" id="conference-write">
          {t('conferences.composer.heading')}
        </h2>
        <Composer
          conferenceId={view().id}
          others={others()}
          replyTo={null}
          label={t('conferences.composer.label')}
          onPosted={props.onChanged}
        />
      </section>
      <ParticipantsDialog
        conference={view()}
        people={props.people}
        open={managing()}
        onOpenChange={setManaging}
        onChanged={(shown) => {
          setNotice(shown);
          setManaging(false);
          props.onChanged();
        }}
      />
    </>
  );
}
