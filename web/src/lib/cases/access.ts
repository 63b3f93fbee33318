import {
  type AccessRequestView,
  accessRequestListSchema,
  accessRequestViewSchema,
  type CaseLookupEntry,
  caseLookupResultSchema,
  okResponseSchema,
  type Permission,
} from '../../../../core/api/index';
import { accessNoteInfo, fail, fromBase64Url, openAccessNote } from '../../../../crypto/index';
import { AppError } from '../errors';
import * as protocol from '../protocol/cases/index';
import { certifiedSigningKey } from '../protocol/keys';
import type { UserKeys } from '../vault';
import { api, run, withCaseContext, withOpenCase } from './context';

/** Temporary access to a case (DESIGN §2): asking, deciding, delivering the key, revoking. */

export interface AccessRequest extends AccessRequestView {
  /** the requester's note, opened with my key; null when none was sealed to me */
  readonly noteText: string | null;
}

export function withNote(context: protocol.CaseContext, request: AccessRequestView): AccessRequest {
  const note = request.note;
  if (!note || note.toUserId !== context.me.id) return { ...request, noteText: null };
  try {
    const text = openAccessNote(
      context.me.keys.x25519Sk,
      accessNoteInfo(context.orgId, request.id, context.me.id),
      { enc: fromBase64Url(note.enc), ct: fromBase64Url(note.ct) },
    );
    return { ...request, noteText: text };
  } catch {
    return { ...request, noteText: null };
  }
}

export async function listMyAccessRequests(): Promise<readonly AccessRequestView[]> {
  return run(
    async () => (await api.get('/api/access-requests?role=requester', accessRequestListSchema)).requests,
  );
}

/**
 * Cases with this number (the 8 hex digits the pages show) or id, as the server describes them to
 * someone who may ask for access: status and primary counselor, nothing more.
 */
export function findCaseToRequest(number: string): Promise<readonly CaseLookupEntry[]> {
  return run(
    async () =>
      (await api.get(`/api/case-lookup?number=${encodeURIComponent(number)}`, caseLookupResultSchema)).cases,
  );
}

export type AccessReason = protocol.AccessAsk['reason'];

export interface AccessAsk {
  readonly caseId: string;
  readonly reason: AccessReason;
  readonly perm: Permission;
  readonly durationMs: number;
  /** sealed to the case's primary counselor, found by looking the case up */
  readonly note?: string;
}

/** Files the request; the step of a process that asked for it carries its id. */
export function requestCaseAccess(keys: UserKeys, ask: AccessAsk): Promise<AccessRequestView> {
  return withCaseContext(keys, async (context) => {
    let note: protocol.AccessAsk['note'];
    const text = ask.note?.trim();
    if (text) {
      const [found] = (await findCaseToRequest(ask.caseId)).filter((entry) => entry.id === ask.caseId);
      if (!found) throw new AppError('no_case_access');
      // The server names the counselor; only a key the org root certified gets the note (PROTOCOL §4).
      const counselor = found.primaryCounselor;
      if (!certifiedSigningKey(context.rootPk, counselor)) throw new AppError('recipient_uncertified');
      note = { text, counselorId: counselor.id, counselorX25519Pk: fromBase64Url(counselor.x25519Pk) };
    }
    return protocol.requestAccess(context, {
      caseId: ask.caseId,
      reason: ask.reason,
      perm: ask.perm,
      durationMs: ask.durationMs,
      ...(note ? { note } : {}),
    });
  });
}

/** The requester withdraws a request that has not been delivered yet (audited by the server). */
export function cancelAccessRequest(requestId: string): Promise<void> {
  return run(async () => {
    await api.send('DELETE', `/api/access-requests/${requestId}`, {}, accessRequestViewSchema);
  });
}

/**
 * One request on a case I decide (as its primary counselor or a director), its note opened with
 * my key: what a key delivery step of a process works on.
 */
export function findRequestToDecide(keys: UserKeys, requestId: string): Promise<AccessRequest> {
  return withCaseContext(keys, async (context) => {
    const { requests } = await api.get('/api/access-requests?role=approver', accessRequestListSchema);
    const request = requests.find((candidate) => candidate.id === requestId);
    if (!request) throw new AppError('request_not_pending');
    return withNote(context, request);
  });
}

export function decideCaseAccess(requestId: string, decision: 'approve' | 'deny'): Promise<void> {
  return run(async () => {
    await api.send(
      'POST',
      `/api/access-requests/${requestId}/decision`,
      { decision },
      accessRequestViewSchema,
    );
  });
}

/** My browser wraps the current case key to the approved requester, the expiry bound in. */
export function deliverCaseAccess(keys: UserKeys, caseId: string, requestId: string): Promise<void> {
  return withCaseContext(keys, (context) =>
    withOpenCase(context, caseId, async (opened) => {
      const request =
        opened.view.pendingDeliveries.find((candidate) => candidate.id === requestId) ??
        fail('malformed', 'this request is not waiting for delivery');
      await protocol.deliverAccess(context, opened, request);
    }),
  );
}

export function revokeCaseAccess(caseId: string, grantId: string): Promise<void> {
  return run(async () => {
    await api.send('DELETE', `/api/cases/${caseId}/grants/${grantId}`, {}, okResponseSchema);
  });
}
