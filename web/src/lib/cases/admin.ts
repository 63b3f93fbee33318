import {
  type CaseStatus,
  type CaseSummary,
  caseSummarySchema,
  type UserView,
  userListSchema,
} from '../../../../core/api/index';
import { isCryptoError } from '../../../../crypto/index';
import { ApiError } from '../api-client';
import { AppError } from '../errors';
import * as protocol from '../protocol/cases/index';
import type { UserKeys } from '../vault';
import { api, run, withCaseContext, withOpenCase } from './context';

/** Managing a case: its status, its primary counselor, its key's generation. */

export function changeCaseStatus(caseId: string, status: CaseStatus): Promise<CaseSummary> {
  return run(() => api.send('PATCH', `/api/cases/${caseId}`, { status }, caseSummarySchema));
}

/** Counselors a case may go to: active, certified (checked again, cryptographically, on transfer). */
export async function listTransferCandidates(exceptId: string): Promise<readonly UserView[]> {
  return run(async () => {
    const { users } = await api.get('/api/users/directory', userListSchema);
    return users.filter(
      (user) =>
        user.id !== exceptId && user.status === 'active' && user.cert && user.roles.includes('counselor'),
    );
  });
}

/** A counselor's encryption key, only if the org root certified it (PROTOCOL §4). */
async function certifiedRecipient(context: protocol.CaseContext, userId: string) {
  const { users } = await api.get('/api/users/directory', userListSchema);
  const person = protocol.certifiedPeople(context.rootPk, users).get(userId);
  if (!person) throw new AppError('recipient_uncertified');
  return { id: userId, x25519Pk: person.x25519Pk };
}

/** A grant of this case ended since the last rotation: the server takes no new wrap until it rotates. */
async function openCurrent<T>(
  context: protocol.CaseContext,
  caseId: string,
  use: (opened: protocol.OpenedCase) => Promise<T>,
): Promise<T> {
  const opened = await protocol.openCase(context, caseId);
  try {
    if (!opened.view.case.needsRotation) return await use(opened);
    await protocol.rotateCaseKey(context, opened);
  } finally {
    protocol.closeCase(opened);
  }
  return withOpenCase(context, caseId, use);
}

/** The client's contact card goes along when I hold it: the new counselor must reach the client. */
async function shareContactCardIfHeld(context: protocol.CaseContext, clientId: string, counselorId: string) {
  try {
    await protocol.shareContactCard(context, null, clientId, counselorId);
  } catch (error) {
    const alreadyHeld = error instanceof ApiError && error.code === 'already_granted';
    const notMine = isCryptoError(error) && error.code === 'wrong-key';
    if (!alreadyHeld && !notMine) throw error;
  }
}

/**
 * The case goes to another counselor: my browser wraps the case key to them, and the contact
 * card's key when I hold it (each step audited by the server).
 */
export function transferCase(keys: UserKeys, caseId: string, counselorId: string): Promise<void> {
  return withCaseContext(keys, async (context) => {
    const counselor = await certifiedRecipient(context, counselorId);
    const summary = await openCurrent(context, caseId, async (opened) => {
      try {
        return await protocol.transferCase(context, opened, counselor);
      } catch (error) {
        if (error instanceof protocol.TransferRefused) throw new AppError('transfer_target_holds_access');
        throw error;
      }
    });
    await shareContactCardIfHeld(context, summary.clientId, counselorId);
  });
}

/** After a transfer whose key delivery did not go through: the primary counselor gets the key now. */
export function giveKeyToPrimaryCounselor(
  keys: UserKeys,
  caseId: string,
  counselorId: string,
): Promise<void> {
  return withCaseContext(keys, async (context) => {
    const counselor = await certifiedRecipient(context, counselorId);
    await openCurrent(context, caseId, async (opened) => {
      await protocol.wrapToPrimaryCounselor(context, opened, counselor);
    });
  });
}

/** A new generation of the case key for the current holders, now (PROTOCOL §5); returns it. */
export function rotateCaseKeyNow(keys: UserKeys, caseId: string): Promise<number> {
  return withCaseContext(keys, (context) =>
    withOpenCase(context, caseId, async (opened) => (await protocol.rotateCaseKey(context, opened)).epoch),
  );
}
