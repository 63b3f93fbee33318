import {
  type BookingContent,
  bookingAcceptedSchema,
  type WidgetConfig,
  widgetConfigSchema,
  widgetServiceListSchema,
  widgetSlotsSchema,
} from '../../../core/api/index';
import { fromBase64Url, sealBookingRequest, toBase64Url } from '../../../crypto/index';
import type { ApiClient } from '../lib/api-client';

/**
 * The widget's side of PROTOCOL §7: the visitor's browser seals {name, contact, concern,
 * preferences} to the front-desk group key with info `tacit/1/intake|org=…|request=<id>` before anything is sent.
 */

const SLOT_DAYS = 14;

export const loadConfig = (api: ApiClient) => api.get('/api/widget/config', widgetConfigSchema);
export const loadServices = async (api: ApiClient) =>
  (await api.get('/api/widget/services', widgetServiceListSchema)).services;

export function loadSlots(api: ApiClient, serviceId: string) {
  const from = Date.now();
  const to = from + SLOT_DAYS * 86_400_000;
  return api.get(`/api/widget/slots?serviceId=${serviceId}&from=${from}&to=${to}`, widgetSlotsSchema);
}

export interface Visit {
  channel: string;
  utm: { source?: string | undefined; medium?: string | undefined; campaign?: string | undefined };
}

/** Channel and campaign source are operational data: read from the iframe's own address. */
export function visitFrom(search: string): Visit {
  const params = new URLSearchParams(search);
  const pick = (name: string) => {
    const value = params.get(name)?.trim().slice(0, 100);
    return value ? value : undefined;
  };
  const channel = params.get('channel');
  return {
    channel: channel && /^[a-z0-9_-]{1,32}$/.test(channel) ? channel : 'website',
    utm: {
      ...(pick('utm_source') && { source: pick('utm_source') }),
      ...(pick('utm_medium') && { medium: pick('utm_medium') }),
      ...(pick('utm_campaign') && { campaign: pick('utm_campaign') }),
    },
  };
}

export interface BookingForm {
  content: BookingContent;
  serviceId: string | null;
  slotStart: number | null;
  honeypot: string;
  turnstileToken: string | null;
}

export async function sendBookingRequest(
  api: ApiClient,
  config: WidgetConfig,
  visit: Visit,
  form: BookingForm,
) {
  const group = config.intakeGroup;
  if (!group) throw new Error('online booking is closed');
  const id = crypto.randomUUID();
  const wish = form.content.preferences;
  // Canonical JSON has no undefined: only what was chosen is sealed.
  const preferences = wish && {
    ...(wish.language && { language: wish.language }),
    topics: wish.topics ?? [],
    ...(wish.counselorGender && { counselorGender: wish.counselorGender }),
  };
  const content = {
    name: form.content.name,
    contact: form.content.contact,
    concern: form.content.concern ?? '',
    // Sealed with the rest (PROTOCOL §7): only the front desk's browser sees what was wished for.
    ...(preferences && { preferences }),
  };
  const sealed = sealBookingRequest(fromBase64Url(group.x25519Pk), config.orgId, id, content);
  return api.send(
    'POST',
    '/api/widget/booking-requests',
    {
      id,
      groupId: group.id,
      groupEpoch: group.epoch,
      sealed: { enc: toBase64Url(sealed.enc), ct: toBase64Url(sealed.ct) },
      serviceId: form.serviceId,
      slotStart: form.slotStart,
      channel: visit.channel,
      utm: visit.utm,
      ...(form.honeypot && { website: form.honeypot }),
      ...(form.turnstileToken && { turnstileToken: form.turnstileToken }),
    },
    bookingAcceptedSchema,
  );
}
