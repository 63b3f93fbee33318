import { type SessionView, sessionViewSchema } from '../../../../core/api/index';
import {
  createRecoveryKeySplit,
  formatRecoveryShare,
  randomBytes,
  signCert,
  signingPublicKey,
  toBase64Url,
  wrapRootSeed,
} from '../../../../crypto/index';
import type { ApiClient } from '../api-client';
import type { OpenedKeys } from './keys';
import { makeNewAccount } from './new-account';
import { pinRoot, type RootPinStore } from './pins';

/**
 * First run (PROTOCOL §4): this browser makes the org root key, the first admin's keys and the org
 * recovery key; the server receives public keys, sealed bundles and wraps only.
 */

export interface NewOrganizationInput {
  name: string;
  locale?: 'zh-CN' | 'en';
  admin: { displayName: string; email: string; passphrase: string };
  recovery: { threshold: number; total: number };
}

export interface CreatedOrganization {
  view: SessionView;
  keys: OpenedKeys;
  /** printed for the directors: index, M, N and the grouped text */
  recoveryShares: { index: number; threshold: number; total: number; text: string }[];
  /** the admin's personal recovery code, shown once */
  recoveryCode: string;
}

export async function createOrganization(
  api: ApiClient,
  pins: RootPinStore,
  input: NewOrganizationInput,
): Promise<CreatedOrganization> {
  const orgId = crypto.randomUUID();
  const email = input.admin.email.trim().toLowerCase();
  const rootSeed = randomBytes(32);
  const rootPk = signingPublicKey(rootSeed);
  const { account, keys, recoveryCode } = await makeNewAccount(
    input.admin.displayName,
    input.admin.passphrase,
  );
  const adminId = account.id;
  const split = createRecoveryKeySplit(input.recovery.threshold, input.recovery.total);
  const issuedAtMs = Date.now();
  const certSig = signCert(rootSeed, {
    userId: adminId,
    email,
    x25519Pk: keys.x25519Pk,
    ed25519Pk: keys.ed25519Pk,
    issuedAtMs,
  });
  const rootWrap = wrapRootSeed(
    { org: orgId, to: adminId, by: adminId },
    rootSeed,
    keys.x25519Pk,
    keys.ed25519Seed,
  );

  const view = await api.send(
    'POST',
    '/api/setup',
    {
      org: {
        id: orgId,
        name: input.name.trim(),
        rootPk: toBase64Url(rootPk),
        recoveryPk: toBase64Url(split.publicKey),
        recoveryThreshold: input.recovery.threshold,
        recoveryShareCount: input.recovery.total,
        ...(input.locale ? { locale: input.locale } : {}),
      },
      admin: { ...account, email, cert: { issuedAtMs, sig: toBase64Url(certSig) } },
      rootWrap: {
        enc: toBase64Url(rootWrap.enc),
        ct: toBase64Url(rootWrap.ct),
        sig: toBase64Url(rootWrap.sig),
      },
    },
    sessionViewSchema,
  );
  pinRoot(pins, orgId, rootPk);
  const recoveryShares = split.shares.map((share) => ({
    index: share.index,
    threshold: share.threshold,
    total: share.count,
    text: formatRecoveryShare(share),
  }));
  for (const share of split.shares) share.value.fill(0);
  return { view, keys: { ...keys, orgRootSeed: rootSeed }, recoveryShares, recoveryCode };
}
