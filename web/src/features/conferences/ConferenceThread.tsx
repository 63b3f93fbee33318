import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { ConferencePerson, ThreadEntry } from '../../lib/conferences';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { Composer } from './Composer';
import { nameOf } from './labels';
import { threadsOf } from './threads';

type Verified = Extract<ThreadEntry, { ok: true }> & { body: { kind: 'message' } };

const PROBLEM: Record<Extract<ThreadEntry, { ok: false }>['problem'], MessageKey> = {
  signature: 'conferences.problem.signature',
  altered: 'conferences.problem.altered',
  uncertified: 'conferences.problem.uncertified',
  'no-key': 'conferences.problem.noKey',
  malformed: 'conferences.problem.malformed',
};

export function ConferenceThread(props: {
  conferenceId: string;
  entries: readonly ThreadEntry[];
  people: ReadonlyMap<string, ConferencePerson>;
  others: readonly ConferencePerson[];
  onPosted: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [replyingTo, setReplyingTo] = createSignal<string | null>(null);
  return (
    <Show when={props.entries.length > 0} fallback={<p class="empty">{t('conferences.thread.empty')}</p>}>
      <ol class="conference-thread">
        <For each={threadsOf(props.entries)}>
          {(node) => (
            <li class="conference-thread__item">
              <Message entry={node.entry} people={props.people} />
              <Show when={node.replies.length > 0}>
                <ol class="conference-thread__replies" aria-label={t('conferences.thread.replies')}>
                  <For each={node.replies}>
                    {(reply) => (
                      <li>
                        <Message entry={reply} people={props.people} />
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
              <Show when={node.entry.ok}>
                <Show
                  when={replyingTo() === node.entry.id}
                  fallback={
                    <button
                      type="button"
                      class="button button--quiet conference-thread__reply"
                      onClick={() => setReplyingTo(node.entry.id)}
                    >
                      {t('conferences.thread.reply')}
                    </button>
                  }
                >
                  <div class="conference-thread__replies">
                    <Composer
                      conferenceId={props.conferenceId}
                      others={props.others}
                      replyTo={node.entry.id}
                      label={t('conferences.thread.replyLabel', {
                        name: nameOf(i18n, props.people, node.entry.authorId),
                      })}
                      onPosted={() => {
                        setReplyingTo(null);
                        props.onPosted();
                      }}
                      onCancel={() => setReplyingTo(null)}
                    />
                  </div>
                </Show>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}

function Message(props: { entry: ThreadEntry; people: ReadonlyMap<string, ConferencePerson> }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const author = () => nameOf(i18n, props.people, props.entry.authorId);
  // Mentions the text already names as @Name need no second label.
  const unnamed = (message: Verified) =>
    message.body.mentions.filter((id) => !message.body.text.includes(`@${nameOf(i18n, props.people, id)}`));
  return (
    <article class="conference-message" aria-label={t('conferences.thread.messageBy', { name: author() })}>
      <header class="conference-message__header">
        <strong>{author()}</strong>
        <span class="muted">{formatDateTime(props.entry.createdAt)}</span>
      </header>
      <Switch>
        <Match when={!props.entry.ok && props.entry}>
          {(failed) => (
            <p class="alert alert--error conference-message__problem" role="alert">
              {t(PROBLEM[(failed() as Extract<ThreadEntry, { ok: false }>).problem])}
            </p>
          )}
        </Match>
        <Match when={props.entry.ok && props.entry.body.kind === 'message' && (props.entry as Verified)}>
          {(verified) => (
            <>
              <Show when={unnamed(verified()).length > 0}>
                <p class="conference-message__mentions">
                  <For each={unnamed(verified())}>
                    {(id) => <span class="badge">@{nameOf(i18n, props.people, id)}</span>}
                  </For>
                </p>
              </Show>
              <p class="conference-message__text">{verified().body.text}</p>
            </>
          )}
        </Match>
      </Switch>
    </article>
  );
}
