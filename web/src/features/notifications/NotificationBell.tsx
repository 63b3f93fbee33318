import { Popover } from '@kobalte/core/popover';
import { A, useLocation } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { shippedLabel } from '../../../../core/workflows/shipped-labels';
import { errorMessageKey } from '../../lib/errors';
import { type MessageKey, useI18n } from '../../lib/i18n';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationList,
  unreadCount,
} from '../../lib/rules';
import { Alert } from '../../ui/Alert';
import { BellIcon } from '../../ui/icons';
import { Loading } from '../../ui/Loading';
import { RetryAlert } from '../../ui/RetryAlert';
import './notifications.css';

/** How often the bell asks for the unread count while the app is open. */
const POLL_MS = 60_000;
const CASE_ROLES = ['counselor', 'supervisor', 'director'];
/** A mention in a case conference (issue 14): the subject is the conference, the case stays unnamed. */
const isMention = (note: { eventType: string }) => note.eventType === 'conference.mention';

/**
 * The notification center in the top bar. A notification names a rule, an event, a case id and a
 * date; the sentence is built here in the reader's language, never from anything a case holds.
 */
export function NotificationBell(props: { roles: readonly string[] }) {
  const { t, formatDateTime, locale } = useI18n();
  const [open, setOpen] = createSignal(false);
  const [count, { mutate: setCount, refetch: refreshCount }] = createResource(
    async () => (await unreadCount()).unread,
  );
  const [list, { mutate: setList, refetch: refreshList }] = createResource(open, async (isOpen) => {
    if (!isOpen) return undefined;
    const fresh = await listNotifications();
    setCount(fresh.unread);
    return fresh;
  });
  const [failure, setFailure] = createSignal<unknown>(null);
  const timer = setInterval(() => void refreshCount(), POLL_MS);
  onCleanup(() => clearInterval(timer));
  // What someone just did (a note saved, a case closed) may have fired a rule: look again on each page.
  const location = useLocation();
  createEffect(
    on(
      () => location.pathname,
      () => void refreshCount(),
      { defer: true },
    ),
  );

  const opensCases = () => props.roles.some((role) => CASE_ROLES.includes(role));
  const unread = () => count.latest ?? 0;

  const apply = async (
    work: () => Promise<{ unread: number }>,
    update: (list: NotificationList) => NotificationList,
  ) => {
    setFailure(null);
    try {
      const { unread: left } = await work();
      setCount(left);
      const current = list.latest;
      if (current) setList({ ...update(current), unread: left });
    } catch (error) {
      setFailure(error);
    }
  };
  const markRead = (id: string) =>
    apply(
      () => markNotificationRead(id),
      (current) => ({
        ...current,
        notifications: current.notifications.map((note) =>
          note.id === id ? { ...note, readAt: Date.now() } : note,
        ),
      }),
    );
  const markAll = () =>
    apply(markAllNotificationsRead, (current) => ({
      ...current,
      notifications: current.notifications.map((note) => ({ ...note, readAt: note.readAt ?? Date.now() })),
    }));

  return (
    <Popover
      open={open()}
      onOpenChange={(isOpen) => {
        setOpen(isOpen);
        if (isOpen) void refreshList();
      }}
      placement="bottom-end"
    >
      <Popover.Trigger
        class="button button--quiet notification-bell"
        aria-label={
          unread() > 0 ? t('notifications.bellUnread', { count: unread() }) : t('notifications.bell')
        }
      >
        <BellIcon />
        <Show when={unread() > 0}>
          <span class="notification-bell__count" aria-hidden="true">
            {unread() > 99 ? '99+' : unread()}
          </span>
        </Show>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content class="notification-panel">
          <div class="notification-panel__header">
            <Popover.Title class="notification-panel__title">{t('notifications.heading')}</Popover.Title>
            <button
              type="button"
              class="button button--quiet"
              disabled={unread() === 0}
              onClick={() => void markAll()}
            >
              {t('notifications.markAll')}
            </button>
          </div>
          <Show when={failure()}>
            <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
          </Show>
          <Show when={list.state === 'errored'}>
            <RetryAlert error={list.error} onRetry={() => void refreshList()} />
          </Show>
          <Show
            when={list.latest}
            fallback={
              <Show when={list.loading}>
                <Loading label={t('common.loading')} />
              </Show>
            }
            keyed
          >
            {(current) => (
              <Show
                when={current.notifications.length > 0}
                fallback={<p class="empty">{t('notifications.empty')}</p>}
              >
                <ul class="notification-list">
                  <For each={current.notifications}>
                    {(note) => (
                      <li class="notification" classList={{ 'notification--unread': note.readAt === null }}>
                        <div class="notification__title">
                          <Show when={note.readAt === null}>
                            <span class="visually-hidden">{t('notifications.unread')}: </span>
                          </Show>
                          {isMention(note)
                            ? t('conferences.notification.mentioned')
                            : note.eventType === 'workflow.notification'
                              ? shippedLabel(note.title, locale())
                              : note.title}
                        </div>
                        <div class="notification__meta">
                          {isMention(note)
                            ? t('conferences.notification.event')
                            : note.eventType === 'workflow.notification'
                              ? t('notifications.workflow')
                              : t(`rules.event.${note.eventType}` as MessageKey)}{' '}
                          · {formatDateTime(note.createdAt)}
                        </div>
                        <Show when={isMention(note) && opensCases()}>
                          <A
                            href={`/conferences/${note.subject}`}
                            class="notification__case"
                            onClick={() => {
                              void markRead(note.id);
                              setOpen(false);
                            }}
                          >
                            {t('conferences.notification.open')}
                          </A>
                        </Show>
                        <Show when={!isMention(note) && note.caseId} keyed>
                          {(caseId) =>
                            opensCases() ? (
                              <A
                                href={`/cases/${caseId}`}
                                class="notification__case"
                                onClick={() => {
                                  void markRead(note.id);
                                  setOpen(false);
                                }}
                              >
                                {t('notifications.case', { id: caseId.slice(0, 8).toUpperCase() })}
                              </A>
                            ) : (
                              <span class="notification__case">
                                {t('notifications.case', { id: caseId.slice(0, 8).toUpperCase() })}
                              </span>
                            )
                          }
                        </Show>
                        <Show when={note.readAt === null}>
                          <button
                            type="button"
                            class="button button--quiet"
                            onClick={() => void markRead(note.id)}
                          >
                            {t('notifications.markRead')}
                          </button>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            )}
          </Show>
        </Popover.Content>
      </Popover.Portal>
    </Popover>
  );
}
