import type { z } from 'zod';
import {
  type BookingRequestView,
  type BookingStatus,
  bookingContentSchema,
  bookingRequestListSchema,
  bookingRequestViewSchema,
} from '../../../core/api/index';
import { fromBase64Url, openBookingRequest } from '../../../crypto/index';
import { ApiError } from './api-client';
import { api, run, withCaseContext } from './cases/context';
import type { ContactFields } from './clients';
import { AppError } from './errors';
import * as protocol from './protocol/cases/index';
import type { UserKeys } from './vault';

/**
 * The front desk's booking queue (PROTOCOL §7): each request was sealed in a website visitor's
 * browser to the front-desk group key; this browser opens my wrap of that key, opens each request
 * in memory and wipes the key. What it reads never goes back to the server.
 */

export type OpenedBookingContent = z.output<typeof bookingContentSchema>;

export interface OpenedBookingRequest {
  readonly request: BookingRequestView;
  /** null when the request was sealed to an earlier front-desk key or does not open */
  readonly content: OpenedBookingContent | null;
}

function openOne(key: protocol.FrontDeskKey, orgId: string, request: BookingRequestView) {
  const secretKey = protocol.frontDeskKeyOf(key, request.groupEpoch);
  if (!secretKey) return null;
  try {
    const opened = openBookingRequest(secretKey, orgId, request.id, {
      enc: fromBase64Url(request.sealed.enc),
      ct: fromBase64Url(request.sealed.ct),
    });
    const parsed = bookingContentSchema.safeParse(opened);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function openBookingRequests(
  keys: UserKeys,
  limit?: number,
): Promise<readonly OpenedBookingRequest[]> {
  return withCaseContext(keys, async (context) => {
    const key = await protocol.openFrontDeskKey(context);
    if (!key) throw new AppError('no_front_desk_key', 'I hold no front-desk key');
    try {
      const query = limit === undefined ? '' : `?limit=${limit}`;
      const { requests } = await api.get(`/api/booking-requests${query}`, bookingRequestListSchema);
      return requests.map((request) => ({
        request,
        content: openOne(key, context.orgId, request),
      }));
    } finally {
      protocol.closeFrontDeskKey(key);
    }
  });
}

/** One request, opened here: the booking steps of the new-client process (issue 6) work on it. */
export async function openBookingRequestById(
  keys: UserKeys,
  id: string,
): Promise<OpenedBookingRequest | null> {
  return withCaseContext(keys, async (context) => {
    const key = await protocol.openFrontDeskKey(context);
    if (!key) throw new AppError('no_front_desk_key', 'I hold no front-desk key');
    try {
      const request = await api.get(
        `/api/booking-requests/${encodeURIComponent(id)}`,
        bookingRequestViewSchema,
      );
      return { request, content: openOne(key, context.orgId, request) };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    } finally {
      protocol.closeFrontDeskKey(key);
    }
  });
}

/** The visitor's one contact line as a card's fields: an address with @ is an email, else a phone. */
export function contactFieldsOf(content: { name: string; contact: string }): ContactFields {
  const email = content.contact.includes('@');
  return {
    name: content.name,
    phone: email ? '' : content.contact,
    email: email ? content.contact : '',
    emergencyContact: '',
  };
}

export const setBookingStatus = (id: string, status: BookingStatus): Promise<BookingRequestView> =>
  run(() => api.send('PATCH', `/api/booking-requests/${id}`, { status }, bookingRequestViewSchema));
