import {
  type BookingRequestView,
  type BookingStatus,
  bookingContentSchema,
  bookingRequestListSchema,
  bookingRequestViewSchema,
} from '../../../core/api/index';
import { fromBase64Url, openBookingRequest } from '../../../crypto/index';
import { api, run, withCaseContext } from './cases/context';
import { AppError } from './errors';
import * as protocol from './protocol/cases/index';
import type { UserKeys } from './vault';

/**
 * The front desk's booking queue (PROTOCOL §7): each request was sealed in a website visitor's
 * browser to the front-desk group key; this browser opens my wrap of that key, opens each request
 * in memory and wipes the key. What it reads never goes back to the server.
 */

export interface OpenedBookingRequest {
  readonly request: BookingRequestView;
  /** null when the request was sealed to an earlier front-desk key or does not open */
  readonly content: { name: string; contact: string; concern: string } | null;
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

export function openBookingRequests(keys: UserKeys): Promise<readonly OpenedBookingRequest[]> {
  return withCaseContext(keys, async (context) => {
    const key = await protocol.openFrontDeskKey(context);
    if (!key) throw new AppError('no_front_desk_key', 'I hold no front-desk key');
    try {
      const { requests } = await api.get('/api/booking-requests', bookingRequestListSchema);
      return requests.map((request) => ({
        request,
        content: openOne(key, context.orgId, request),
      }));
    } finally {
      protocol.closeFrontDeskKey(key);
    }
  });
}

export const setBookingStatus = (id: string, status: BookingStatus): Promise<BookingRequestView> =>
  run(() => api.send('PATCH', `/api/booking-requests/${id}`, { status }, bookingRequestViewSchema));
