import { For } from 'solid-js';
import type { NamedAuditEvent } from '../../lib/compliance';
import { useI18n } from '../../lib/i18n';

/** Audit events about one case or client, oldest first: when, who, what. */
export function AccessEventTable(props: { events: readonly NamedAuditEvent[]; caption: string }) {
  const { t, formatDateTime } = useI18n();
  return (
    <div class="table-wrap">
      <table class="table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accessLog.col.time')}</th>
            <th scope="col">{t('accessLog.col.person')}</th>
            <th scope="col">{t('accessLog.col.action')}</th>
            <th scope="col">{t('accessLog.col.subject')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.events}>
            {(event) => (
              <tr>
                <td class="nowrap">{formatDateTime(event.at)}</td>
                <td>{event.actorName ?? event.actor ?? t('audit.system')}</td>
                <td>
                  <code>{event.type}</code>
                </td>
                <td>
                  <code class="audit-subject">{event.subject?.slice(0, 8).toUpperCase() ?? '—'}</code>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
