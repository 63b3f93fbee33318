/** The audit chain for the pages (PROTOCOL §8): replayed and checkpointed in the browser. */

import { sessionViewSchema } from '../../../core/api/index';
import { fromBase64Url, signAuditCheckpoint } from '../../../crypto/index';
import { ApiError, createApiClient } from './api-client';
import { run } from './app-errors';
import * as protocol from './protocol/index';
import type { UserKeys } from './vault';

const api = createApiClient();

export type AuditVerification =
  | { readonly intact: true; readonly verifiedThroughSeq: number; readonly checkpoints: number }
  | { readonly intact: false; readonly brokenAtSeq: number; readonly reason: protocol.AuditBreak };

/** Replays the whole chain and the signed checkpoints in the browser. */
export async function verifyAuditChain(
  /** An admin's signer: when given, the verified head is signed as a checkpoint. */
  signHead?: (n: number, head: Uint8Array) => Uint8Array,
  onProgress?: protocol.AuditReadProgress,
): Promise<AuditVerification> {
  return run(async () => {
    const view = await api.get('/api/auth/session', sessionViewSchema);
    const verdict = await protocol.verifyServerAuditChain(
      api,
      view.org.id,
      fromBase64Url(view.org.rootPk),
      onProgress,
    );
    if (!verdict.intact) return { intact: false, brokenAtSeq: verdict.brokenAtSeq, reason: verdict.reason };
    if (signHead && verdict.verifiedThroughSeq > 0) {
      await protocol
        .signAuditHead(api, signHead, verdict.verifiedThroughSeq, verdict.head)
        .catch((error: unknown) => {
          // Someone (or this admin, a moment ago) already signed this head: that is fine.
          if (!(error instanceof ApiError && error.code === 'conflict')) throw error;
        });
    }
    return {
      intact: true,
      verifiedThroughSeq: verdict.verifiedThroughSeq,
      checkpoints: verdict.checkpoints,
    };
  });
}

/** Signs an audit checkpoint with the lent keys (call inside `vault.withKeys`). */
export function signAuditHeadWith(keys: UserKeys, n: number, head: Uint8Array): Uint8Array {
  return signAuditCheckpoint(keys.signingSeed, n, head);
}
