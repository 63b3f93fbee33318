import { ed25519 } from '@noble/curves/ed25519.js';
import { expectLength, toHex } from './bytes.js';

/**
 * Ed25519 (RFC 8032). Signing uses noble. Verification is strict (PROTOCOL §1: RFC 8032, not
 * ZIP-215): non-canonical encodings of A, R and S are refused here, then the curve check runs in
 * the platform's native WebCrypto when it has Ed25519 (a case log of hundreds of entries must
 * open in milliseconds; noble is ~6× slower), else in noble.
 */

export function signingPublicKey(seed: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(expectLength(seed, 32, 'Ed25519 seed'));
}

export function sign(seed: Uint8Array, message: Uint8Array): Uint8Array {
  return ed25519.sign(message, expectLength(seed, 32, 'Ed25519 seed'));
}

const P_MINUS_19_HIGH = 0x7f; // top byte of p = 2^255 - 19 in little-endian
// L = 2^252 + 27742317777372353535851937790883648493, little-endian
const L_BYTES = Uint8Array.from([
  0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
]);

/** y < p (with the sign bit masked), little-endian. */
function isCanonicalPoint(encoding: Uint8Array): boolean {
  if (((encoding[31] as number) & 0x7f) !== P_MINUS_19_HIGH) return true;
  for (let i = 30; i >= 1; i--) if (encoding[i] !== 0xff) return true;
  return (encoding[0] as number) < 0xed;
}

function isCanonicalScalar(s: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) {
    const a = s[i] as number;
    const b = L_BYTES[i] as number;
    if (a !== b) return a < b;
  }
  return false;
}

export function isStrictlyEncoded(publicKey: Uint8Array, signature: Uint8Array): boolean {
  return (
    publicKey.length === 32 &&
    signature.length === 64 &&
    isCanonicalPoint(publicKey) &&
    isCanonicalPoint(signature.subarray(0, 32)) &&
    isCanonicalScalar(signature.subarray(32))
  );
}

export function verifySync(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (!isStrictlyEncoded(publicKey, signature)) return false;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

let nativeSupport: Promise<boolean> | undefined;

function hasNativeEd25519(): Promise<boolean> {
  nativeSupport ??= (async () => {
    try {
      const probe = signingPublicKey(new Uint8Array(32));
      const key = await importVerifyKey(probe);
      const message = new Uint8Array(1);
      return await crypto.subtle.verify(
        'Ed25519',
        key,
        bufferSource(sign(new Uint8Array(32), message)),
        message,
      );
    } catch {
      return false;
    }
  })();
  return nativeSupport;
}

function importVerifyKey(publicKey: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bufferSource(publicKey.slice()), { name: 'Ed25519' }, false, [
    'verify',
  ]);
}

export type SignatureCheck = (
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
) => Promise<boolean>;

/**
 * Imports these keys once, then returns a check that hands each signature to the platform at the
 * moment it is called: a caller can start hundreds of checks, go on with other work on the main
 * thread, and collect the verdicts later. Keys it was not prepared for are checked too, just slower.
 */
export async function prepareSignatureCheck(publicKeys: readonly Uint8Array[]): Promise<SignatureCheck> {
  if (!(await hasNativeEd25519())) {
    return async (publicKey, message, signature) => verifySync(publicKey, message, signature);
  }
  const distinct = new Map(publicKeys.filter((key) => key.length === 32).map((key) => [toHex(key), key]));
  const imported = new Map<string, CryptoKey>();
  await Promise.all(
    [...distinct].map(async ([id, publicKey]) => {
      const key = await importVerifyKey(publicKey).catch(() => undefined);
      if (key) imported.set(id, key);
    }),
  );
  return (publicKey, message, signature) => {
    if (!isStrictlyEncoded(publicKey, signature)) return Promise.resolve(false);
    const key = imported.get(toHex(publicKey));
    if (!key) return verify(publicKey, message, signature);
    return crypto.subtle
      .verify('Ed25519', key, bufferSource(signature), bufferSource(message))
      .catch(() => false);
  };
}

export async function verify(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  if (!isStrictlyEncoded(publicKey, signature)) return false;
  if (!(await hasNativeEd25519())) return verifySync(publicKey, message, signature);
  try {
    const key = await importVerifyKey(publicKey);
    return await crypto.subtle.verify('Ed25519', key, bufferSource(signature), bufferSource(message));
  } catch {
    return false;
  }
}

/** Our byte arrays never live on a SharedArrayBuffer; WebCrypto's types want that said. */
function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}
