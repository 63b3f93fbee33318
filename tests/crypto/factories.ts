import { randomBytes } from '../../crypto/bytes.js';
import { signCert } from '../../crypto/cert.js';
import { signingPublicKey } from '../../crypto/ed25519.js';
import { generateUserKeys, type UserKeys } from '../../crypto/user-keys.js';

/** Small factories shared by the crypto tests. */

export interface TestOrg {
  id: string;
  rootSeed: Uint8Array;
  rootPk: Uint8Array;
}

export function makeOrg(): TestOrg {
  const rootSeed = randomBytes(32);
  return { id: crypto.randomUUID(), rootSeed, rootPk: signingPublicKey(rootSeed) };
}

export interface TestUser extends UserKeys {
  id: string;
  email: string;
  certSig: Uint8Array;
  issuedAtMs: number;
}

export function makeUser(
  org: TestOrg,
  email = `${crypto.randomUUID().slice(0, 8)}@center.example`,
): TestUser {
  const keys = generateUserKeys();
  const id = crypto.randomUUID();
  const issuedAtMs = 1_767_225_600_000;
  const certSig = signCert(org.rootSeed, {
    userId: id,
    email,
    x25519Pk: keys.x25519Pk,
    ed25519Pk: keys.ed25519Pk,
    issuedAtMs,
  });
  return { ...keys, id, email, certSig, issuedAtMs };
}

export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  copy[bit >> 3] = (copy[bit >> 3] as number) ^ (1 << (bit & 7));
  return copy;
}

export { randomBytes };
