import type { UserView } from '../../../../../core/api/index';
import { fromBase64Url, fromHex, toHex, type UserKeys } from '../../../../../crypto/index';
import type { ApiClient } from '../../api-client';
import { certifiedSigningKey } from '../keys';

/** What every case ceremony needs: the API, who is acting, and whom to trust (PROTOCOL §4). */
export interface CaseContext {
  api: ApiClient;
  orgId: string;
  /** the pinned org root key: only keys certified under it are trusted */
  rootPk: Uint8Array;
  /** the org recovery public key: every case key epoch is also wrapped to it */
  recoveryPk: Uint8Array;
  me: { id: string; keys: UserKeys };
  /** the highest case-log head this browser verified, per case (PROTOCOL §6 rollback check) */
  checkpoints: CaseCheckpointStore;
  now?: () => number;
}

export interface CaseCheckpoint {
  seq: number;
  head: Uint8Array;
}

export interface CaseCheckpointStore {
  get(caseId: string): CaseCheckpoint | undefined;
  set(caseId: string, checkpoint: CaseCheckpoint): void;
}

export function memoryCaseCheckpoints(): CaseCheckpointStore {
  const seen = new Map<string, CaseCheckpoint>();
  return {
    get: (caseId) => seen.get(caseId),
    set: (caseId, checkpoint) => void seen.set(caseId, checkpoint),
  };
}

/** Public data (a sequence number and a hash the server already has), so localStorage is fine. */
export function localStorageCaseCheckpoints(storage: Storage): CaseCheckpointStore {
  const key = (caseId: string) => `tacit.caseHead.${caseId}`;
  return {
    get(caseId) {
      const stored = storage.getItem(key(caseId));
      if (!stored) return undefined;
      const [seq, head] = stored.split(':');
      if (!seq || !head || !/^[0-9a-f]{64}$/.test(head)) return undefined;
      return { seq: Number(seq), head: fromHex(head) };
    },
    set(caseId, { seq, head }) {
      storage.setItem(key(caseId), `${seq}:${toHex(head)}`);
    },
  };
}

export interface CertifiedPerson {
  user: UserView;
  x25519Pk: Uint8Array;
  ed25519Pk: Uint8Array;
}

/** The people whose certificates verify under the pinned root; anyone else is not trusted. */
export function certifiedPeople(
  rootPk: Uint8Array,
  users: readonly UserView[],
): Map<string, CertifiedPerson> {
  const people = new Map<string, CertifiedPerson>();
  for (const user of users) {
    const ed25519Pk = certifiedSigningKey(rootPk, user);
    if (!ed25519Pk) continue;
    people.set(user.id, { user, x25519Pk: fromBase64Url(user.x25519Pk), ed25519Pk });
  }
  return people;
}
