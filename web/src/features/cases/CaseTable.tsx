import { A } from '@solidjs/router';
import { For } from 'solid-js';
import type { MyCase } from '../../../../core/api/index';
import { useI18n } from '../../lib/i18n';
import { accessLabel, caseNumber, STATUS_BADGE } from './labels';

/** Operational metadata only: nothing here was ever encrypted. */
export function CaseTable(props: { cases: readonly MyCase[] }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('cases.col.case')}</th>
            <th scope="col">{t('cases.col.status')}</th>
            <th scope="col">{t('cases.col.service')}</th>
            <th scope="col">{t('cases.col.opened')}</th>
            <th scope="col">{t('cases.col.access')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.cases}>
            {(item) => (
              <tr>
                <td>
                  <A href={`/cases/${item.id}`} class="case-link">
                    {t('cases.caseNumber', { id: caseNumber(item.id) })}
                  </A>
                </td>
                <td>
                  <span class={STATUS_BADGE[item.status]}>{t(`cases.status.${item.status}`)}</span>
                </td>
                <td>
                  {t(`cases.service.${item.serviceType}`)} · {t(`cases.channel.${item.channel}`)}
                </td>
                <td class="nowrap">{formatDate(item.openedAt)}</td>
                <td>{accessLabel(i18n, item.myPerm, item.myExpiresAt)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
