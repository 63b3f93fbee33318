import { createResource, createSignal, For, Show } from 'solid-js';
import { BOOKING_STATUSES, type BookingStatus } from '../../../../core/api/index';
import { type OpenedBookingRequest, openBookingRequests, setBookingStatus } from '../../lib/bookings';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { EmptyState } from '../../ui/EmptyState';
import { fetchTimeZone } from '../schedule/api';
import { BookingRequestFacts, serviceNames } from './BookingRequestFacts';
import './bookings.css';

/**
 * Requests from the center's website. Each was sealed in the visitor's browser to the front-desk
 * key; this page opens them in memory with my copy of that key (PROTOCOL §7).
 */
export function BookingsPage() {
  const { t } = useI18n();
  const { vault } = useVault();
  const [requests, { refetch }] = createResource(() => vault.withKeys((keys) => openBookingRequests(keys)));
  const [services] = createResource(() => serviceNames().catch(() => new Map<string, string>()));
  const [zone] = createResource(() => fetchTimeZone().then((setting) => setting.timeZone));
  const [failure, setFailure] = createSignal<unknown>(null);

  const move = async (item: OpenedBookingRequest, status: BookingStatus) => {
    setFailure(null);
    try {
      await setBookingStatus(item.request.id, status);
      await refetch();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <div class="bookings-page">
      <div class="page-header">
        <h1>{t('bookings.heading')}</h1>
        <button type="button" class="button" onClick={() => void refetch()}>
          {t('common.refresh')}
        </button>
      </div>
      <p class="muted">{t('bookings.intro')}</p>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <AsyncContent resource={requests} onRetry={() => void refetch()}>
        {(list) => (
          <Show
            when={list.length > 0}
            fallback={
              <div class="card">
                <EmptyState title={t('bookings.empty')} hint={t('bookings.emptyHint')} />
              </div>
            }
          >
            <ul class="booking-list">
              <For each={list}>
                {(item) => (
                  <li class="card booking-list__item" data-testid="booking-request">
                    <div class="booking-list__head">
                      <Show
                        when={item.content}
                        fallback={<strong class="muted">{t('bookings.sealedEarlier')}</strong>}
                      >
                        {(content) => (
                          <div>
                            <strong>{content().name}</strong> <span>{content().contact}</span>
                          </div>
                        )}
                      </Show>
                      <label class="field booking-list__status">
                        <span class="field__label">{t('bookings.status')}</span>
                        <select
                          class="field__input"
                          value={item.request.status}
                          onChange={(event) => void move(item, event.currentTarget.value as BookingStatus)}
                        >
                          <For each={BOOKING_STATUSES}>
                            {(status) => <option value={status}>{t(`bookings.status.${status}`)}</option>}
                          </For>
                        </select>
                      </label>
                    </div>
                    <Show when={item.content?.concern}>
                      <p class="booking-list__concern">{item.content?.concern}</p>
                    </Show>
                    <BookingRequestFacts request={item.request} services={services()} timeZone={zone()} />
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </AsyncContent>
    </div>
  );
}
