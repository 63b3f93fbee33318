import { Show } from 'solid-js';
import type { BookingRequestView } from '../../../../core/api/index';
import { serviceViewSchema } from '../../../../core/api/schedule-setup';
import { z } from '../../../../core/api/zod';
import { api } from '../../lib/cases/context';
import { useI18n } from '../../lib/i18n';
import { formatDateTime as formatInZone } from '../schedule/time';
import './bookings.css';

/** Service names by id, for requests that carry only the id (operational data, no secrets). */
export async function serviceNames(): Promise<Map<string, string>> {
  const { services } = await api.get(
    '/api/schedule/services',
    z.object({ services: z.array(serviceViewSchema) }),
  );
  return new Map(services.map((service) => [service.id, service.name]));
}

/** A booking request's operational facts: when it came, what and when was asked for, from where. */
export function BookingRequestFacts(props: {
  request: BookingRequestView;
  services: ReadonlyMap<string, string> | undefined;
  /** The center's time zone, which the times the visitor picked were offered in. */
  timeZone: string | undefined;
}) {
  const { t, locale, formatDateTime } = useI18n();
  const at = (instant: number) =>
    props.timeZone ? formatInZone(instant, props.timeZone, locale()) : formatDateTime(instant);
  return (
    <dl class="booking-list__facts">
      <dt>{t('bookings.received')}</dt>
      <dd>{at(props.request.createdAt)}</dd>
      <dt>{t('bookings.service')}</dt>
      <dd>
        {props.request.serviceId
          ? (props.services?.get(props.request.serviceId) ?? props.request.serviceId)
          : t('bookings.any')}
      </dd>
      <dt>{t('bookings.slot')}</dt>
      <dd>{props.request.slotStart ? at(props.request.slotStart) : t('bookings.any')}</dd>
      <dt>{t('bookings.channel')}</dt>
      <dd>
        {props.request.channel}
        <Show when={props.request.utm.source}>
          {(source) => <span class="muted"> · {t('bookings.source', { source: source() })}</span>}
        </Show>
      </dd>
    </dl>
  );
}
