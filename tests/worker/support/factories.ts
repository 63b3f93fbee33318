import { fromBase64Url, randomBytes, toBase64Url } from '../../../crypto/bytes.js';
import { signCert } from '../../../crypto/cert.js';
import { signingPublicKey } from '../../../crypto/ed25519.js';
import { generateKeyPair } from '../../../crypto/hpke.js';
import { generateUserKeys, type UserKeys } from '../../../crypto/user-keys.js';

/**
 * Fixtures the way a browser makes them. The server never opens a key bundle or a wrap, so
 * those are random bytes of a realistic size; keys and signatures are real.
 */

const b64 = toBase64Url;

export interface OrgKeys {
  id: string;
  rootSeed: Uint8Array;
  rootPk: string;
}

export function orgKeys(): OrgKeys {
  const rootSeed = randomBytes(32);
  return { id: crypto.randomUUID(), rootSeed, rootPk: b64(signingPublicKey(rootSeed)) };
}

export interface Account {
  id: string;
  email: string;
  displayName: string;
  keys: UserKeys;
  authKey: string;
  recoveryAuthKey: string;
  payload: {
    id: string;
    displayName: string;
    kdf: { salt: string; m: number; t: number; p: number };
    authKey: string;
    keyBundle: string;
    recoveryBundle: string;
    recoveryAuthKey: string;
    x25519Pk: string;
    ed25519Pk: string;
  };
}

let serial = 0;

export function account(overrides: { email?: string; displayName?: string } = {}): Account {
  serial += 1;
  const id = crypto.randomUUID();
  const keys = generateUserKeys();
  const authKey = b64(randomBytes(32));
  const recoveryAuthKey = b64(randomBytes(32));
  const displayName = overrides.displayName ?? `Person ${serial}`;
  return {
    id,
    email: overrides.email ?? `person${serial}@clinic.test`,
    displayName,
    keys,
    authKey,
    recoveryAuthKey,
    payload: {
      id,
      displayName,
      kdf: { salt: b64(randomBytes(16)), m: 19_456, t: 2, p: 1 },
      authKey,
      keyBundle: b64(randomBytes(138)),
      recoveryBundle: b64(randomBytes(138)),
      recoveryAuthKey,
      x25519Pk: b64(keys.x25519Pk),
      ed25519Pk: b64(keys.ed25519Pk),
    },
  };
}

export function certify(org: OrgKeys, who: Pick<Account, 'id' | 'email' | 'keys'>, issuedAtMs = Date.now()) {
  const sig = signCert(org.rootSeed, {
    userId: who.id,
    email: who.email,
    x25519Pk: who.keys.x25519Pk,
    ed25519Pk: who.keys.ed25519Pk,
    issuedAtMs,
  });
  return { issuedAtMs, sig: b64(sig) };
}

export function rootWrap() {
  return { enc: b64(randomBytes(32)), ct: b64(randomBytes(48)), sig: b64(randomBytes(64)) };
}

export function setupRequest(
  org: OrgKeys = orgKeys(),
  admin: Account = account({ displayName: 'Director Wang' }),
) {
  return {
    org: {
      id: org.id,
      name: 'Harbor Counseling Center',
      rootPk: org.rootPk,
      recoveryPk: b64(generateKeyPair().publicKey),
      recoveryThreshold: 2,
      recoveryShareCount: 3,
    },
    admin: { ...admin.payload, email: admin.email, cert: certify(org, admin) },
    rootWrap: rootWrap(),
  };
}

/** Flips one bit: a signature that no longer verifies but keeps its shape. */
export function tamper(base64url: string): string {
  const bytes = fromBase64Url(base64url);
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return b64(bytes);
}
