import { ORG_RECOVERY, okResponseSchema, recoverableCaseListSchema } from '../../../../../core/api/index';
import {
  combineRecoveryShares,
  fromBase64Url,
  parseRecoveryShare,
  unwrapCaseKey,
  wipe,
} from '../../../../../crypto/index';
import { type CaseContext, certifiedPeople } from './context';
import { caseWrapFor } from './wraps';

/**
 * The recovery ceremony (issue 4, PROTOCOL §4): M directors type their shares into this browser;
 * the org recovery key exists only for the length of this call. Each of the departed counselor's
 * cases is opened from its wrap to the recovery key and wrapped to the new counselor by the
 * director at the keyboard (who signs it), then the key is wiped.
 */
export async function recoverCounselorCases(
  context: CaseContext,
  input: { shares: readonly string[]; departedCounselorId: string; newCounselorId: string },
  onProgress?: (done: number, total: number) => void,
): Promise<{ reassigned: number }> {
  const { api, orgId, rootPk, recoveryPk } = context;
  const list = await api.get(
    `/api/recovery/cases?primaryCounselor=${encodeURIComponent(input.departedCounselorId)}`,
    recoverableCaseListSchema,
  );
  const people = certifiedPeople(rootPk, list.people);
  const newCounselor = people.get(input.newCounselorId);
  if (!newCounselor) throw new Error('the new counselor has no certified keys');

  const recoverySk = combineRecoveryShares(input.shares.map(parseRecoveryShare), recoveryPk);
  let reassigned = 0;
  onProgress?.(0, list.cases.length);
  try {
    for (const { case: summary, recoveryWrap } of list.cases) {
      const granterPk = people.get(recoveryWrap.byUserId)?.ed25519Pk;
      if (!granterPk) throw new Error(`the key of case ${summary.id} was wrapped by an uncertified key`);
      const caseKey = await unwrapCaseKey(
        {
          org: orgId,
          caseId: summary.id,
          epoch: recoveryWrap.epoch,
          to: ORG_RECOVERY,
          perm: 'write',
          expiresAtMs: 0,
          by: recoveryWrap.byUserId,
        },
        {
          enc: fromBase64Url(recoveryWrap.enc),
          ct: fromBase64Url(recoveryWrap.ct),
          sig: fromBase64Url(recoveryWrap.sig),
        },
        recoverySk,
        granterPk,
        context.now?.() ?? Date.now(),
      );
      const wrap = caseWrapFor(context, summary.id, recoveryWrap.epoch, caseKey, {
        to: input.newCounselorId,
        pk: newCounselor.x25519Pk,
        perm: 'write',
        expiresAt: 0,
      });
      wipe(caseKey);
      await api.send(
        'POST',
        `/api/recovery/cases/${summary.id}/reassign`,
        {
          epoch: recoveryWrap.epoch,
          newCounselorId: input.newCounselorId,
          wrap: { enc: wrap.enc, ct: wrap.ct, sig: wrap.sig },
        },
        okResponseSchema,
      );
      reassigned++;
      onProgress?.(reassigned, list.cases.length);
    }
  } finally {
    wipe(recoverySk);
  }
  return { reassigned };
}
