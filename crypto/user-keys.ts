import { concatBytes, expectLength, randomBytes, wipe } from './bytes.js';
import { signingPublicKey } from './ed25519.js';
import { generateKeyPair, x25519PublicKey } from './hpke.js';

/** A user's two key pairs (PROTOCOL §4): X25519 to receive wrapped keys, Ed25519 to sign. */
export interface UserKeys {
  x25519Sk: Uint8Array;
  x25519Pk: Uint8Array;
  ed25519Seed: Uint8Array;
  ed25519Pk: Uint8Array;
}

export function generateUserKeys(): UserKeys {
  const { secretKey, publicKey } = generateKeyPair();
  const ed25519Seed = randomBytes(32);
  return { x25519Sk: secretKey, x25519Pk: publicKey, ed25519Seed, ed25519Pk: signingPublicKey(ed25519Seed) };
}

/** Private-key bundle plaintext = x25519_sk (32) || ed25519_seed (32). */
export function encodeKeyBundle(keys: UserKeys): Uint8Array {
  return concatBytes(keys.x25519Sk, keys.ed25519Seed);
}

export function decodeKeyBundle(plaintext: Uint8Array): UserKeys {
  expectLength(plaintext, 64, 'private-key bundle');
  const x25519Sk = plaintext.slice(0, 32);
  const ed25519Seed = plaintext.slice(32, 64);
  wipe(plaintext);
  return {
    x25519Sk,
    x25519Pk: x25519PublicKey(x25519Sk),
    ed25519Seed,
    ed25519Pk: signingPublicKey(ed25519Seed),
  };
}

export function wipeUserKeys(keys: UserKeys): void {
  wipe(keys.x25519Sk, keys.ed25519Seed);
}
