import { createResource, createSignal, For, Show } from 'solid-js';
import { type PaymentView, REVENUE_GROUPINGS, type RevenueReport } from '../../../../core/api/index';
import { fetchPeople } from '../../lib/cases/lists';
import { useI18n } from '../../lib/i18n';
import { listPayments, revenueReport } from '../../lib/integrations';
import { AsyncContent } from '../../ui/AsyncContent';
import { DataTable } from '../../ui/DataTable';
import { formatMoney } from './money';
import { RefundDialog } from './RefundDialog';

const STATUS_BADGE: Record<PaymentView['status'], string> = {
  paid: 'badge',
  partially_refunded: 'badge badge--warning',
  refunded: 'badge badge--muted',
};

/** Finance: the records payment callbacks and integrations created, refunds, and revenue. */
export function PaymentsPage() {
  const { t, locale, formatDateTime } = useI18n();
  const [payments, { refetch }] = createResource(listPayments);
  const [people] = createResource(fetchPeople);
  const [groupBy, setGroupBy] = createSignal<RevenueReport['groupBy']>('month');
  const [revenue, { refetch: refetchRevenue }] = createResource(groupBy, revenueReport);
  const [refunding, setRefunding] = createSignal<PaymentView | null>(null);

  const counselorName = (id: string | null) => (id ? (people()?.get(id)?.displayName ?? id) : '—');
  const rowKey = (report: RevenueReport, key: string | null) =>
    report.groupBy === 'counselor' ? counselorName(key) : (key ?? t('payments.revenue.unattributed'));

  return (
    <div class="admin-page">
      <div class="page-header">
        <h1>{t('payments.heading')}</h1>
      </div>
      <p class="muted">{t('payments.intro')}</p>

      <section class="card" aria-labelledby="revenue-heading">
        <div class="page-header">
          <h2 class="card__title" id="revenue-heading">
            {t('payments.revenue.heading')}
          </h2>
          <label class="field">
            <span class="field__label">{t('payments.revenue.groupBy')}</span>
            <select
              class="field__input"
              value={groupBy()}
              onChange={(event) => setGroupBy(event.currentTarget.value as RevenueReport['groupBy'])}
            >
              <For each={REVENUE_GROUPINGS}>
                {(grouping) => <option value={grouping}>{t(`payments.revenue.by.${grouping}`)}</option>}
              </For>
            </select>
          </label>
        </div>
        <AsyncContent resource={revenue} onRetry={() => void refetchRevenue()}>
          {(report) => (
            <Show when={report.rows.length > 0} fallback={<p class="empty">{t('payments.empty')}</p>}>
              <div class="table-wrap">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{t(`payments.revenue.by.${report.groupBy}`)}</th>
                      <th scope="col" class="numeric">
                        {t('payments.revenue.count')}
                      </th>
                      <th scope="col" class="numeric">
                        {t('payments.revenue.gross')}
                      </th>
                      <th scope="col" class="numeric">
                        {t('payments.revenue.refunded')}
                      </th>
                      <th scope="col" class="numeric">
                        {t('payments.revenue.net')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={report.rows}>
                      {(row) => (
                        <tr>
                          <td>{rowKey(report, row.key)}</td>
                          <td class="numeric">{row.count}</td>
                          <td class="numeric">{formatMoney(locale(), row.gross, row.currency)}</td>
                          <td class="numeric">{formatMoney(locale(), row.refunded, row.currency)}</td>
                          <td class="numeric">{formatMoney(locale(), row.net, row.currency)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          )}
        </AsyncContent>
      </section>

      <section class="card" aria-labelledby="payments-heading">
        <h2 class="card__title" id="payments-heading">
          {t('payments.list.heading')}
        </h2>
        <AsyncContent resource={payments} onRetry={() => void refetch()}>
          {(list) => (
            <DataTable
              items={list}
              empty={t('payments.empty')}
              columns={[
                t('payments.col.paidAt'),
                { label: t('payments.col.amount'), numeric: true },
                t('payments.col.status'),
                t('payments.col.source'),
                t('payments.col.service'),
                t('payments.col.counselor'),
                { label: t('integrations.keys.col.actions'), hidden: true },
              ]}
            >
              {(payment) => (
                <tr>
                  <td>{formatDateTime(payment.paidAt)}</td>
                  <td class="numeric">
                    {formatMoney(locale(), payment.amount, payment.currency)}
                    <Show when={payment.refundedAmount > 0}>
                      <span class="muted">
                        {' '}
                        {t('payments.refundedAmount', {
                          amount: formatMoney(locale(), payment.refundedAmount, payment.currency),
                        })}
                      </span>
                    </Show>
                  </td>
                  <td>
                    <span class={STATUS_BADGE[payment.status]}>{t(`payments.status.${payment.status}`)}</span>
                  </td>
                  <td>
                    {payment.provider} <code>{payment.providerRef}</code>
                  </td>
                  <td>{payment.serviceId ?? '—'}</td>
                  <td>{counselorName(payment.counselorId)}</td>
                  <td>
                    <Show when={payment.status !== 'refunded'}>
                      <button type="button" class="button" onClick={() => setRefunding(payment)}>
                        {t('payments.refund')}
                      </button>
                    </Show>
                  </td>
                </tr>
              )}
            </DataTable>
          )}
        </AsyncContent>
      </section>
      <RefundDialog
        payment={refunding()}
        onClose={() => setRefunding(null)}
        onRefunded={() => {
          setRefunding(null);
          void refetch();
          void refetchRevenue();
        }}
      />
    </div>
  );
}
