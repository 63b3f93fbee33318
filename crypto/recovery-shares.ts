import { fromBase32, groupCode, toBase32 } from './base32.js';
import { concatBytes, constantTimeEqual, randomBytes, wipe } from './bytes.js';
import { fail } from './errors.js';
import { sha256 } from './hash.js';
import { generateKeyPair, x25519PublicKey } from './hpke.js';
import { combineShares, splitSecret } from './shamir.js';

/**
 * The org recovery key (X25519, PROTOCOL §4) split M-of-N for the directors, as printable shares:
 * Crockford base32 of split id (2) || index || M || N || share (32) || checksum (3) = 40 bytes,
 * 64 characters in 16 groups. The checksum (first 3 bytes of
 * SHA-256("tacit/1/recovery-share" || the 37 bytes before it)) catches a mistyped share; the split
 * id catches shares of two different splits.
 */

const SHARE_BYTES = 40;

export interface RecoveryShare {
  splitId: number;
  index: number;
  threshold: number;
  count: number;
  value: Uint8Array;
}

function shareChecksum(body: Uint8Array): Uint8Array {
  return sha256(concatBytes(new TextEncoder().encode('tacit/1/recovery-share'), body)).subarray(0, 3);
}

export function formatRecoveryShare(share: RecoveryShare): string {
  const body = concatBytes(
    new Uint8Array([share.splitId >> 8, share.splitId & 0xff, share.index, share.threshold, share.count]),
    share.value,
  );
  return groupCode(toBase32(concatBytes(body, shareChecksum(body))));
}

export function parseRecoveryShare(text: string): RecoveryShare {
  const bytes = fromBase32(text, SHARE_BYTES);
  if (!constantTimeEqual(shareChecksum(bytes.subarray(0, 37)), bytes.subarray(37))) {
    fail('bad-checksum', 'this recovery share has a typo');
  }
  const [hi, lo, index, threshold, count] = bytes as unknown as [number, number, number, number, number];
  if (index < 1 || threshold < 1 || threshold > count || index > count)
    fail('malformed', 'not a recovery share');
  return { splitId: (hi << 8) | lo, index, threshold, count, value: bytes.slice(5, 37) };
}

export interface RecoveryKeySplit {
  publicKey: Uint8Array;
  shares: RecoveryShare[];
}

/** Creates the org recovery key and splits its private half; the private half is wiped. */
export function createRecoveryKeySplit(threshold: number, count: number): RecoveryKeySplit {
  const { secretKey, publicKey } = generateKeyPair();
  const split = splitRecoveryKey(secretKey, threshold, count);
  wipe(secretKey);
  return { publicKey, shares: split };
}

export function splitRecoveryKey(secretKey: Uint8Array, threshold: number, count: number): RecoveryShare[] {
  const random = randomBytes(2);
  const splitId = ((random[0] as number) << 8) | (random[1] as number);
  return splitSecret(secretKey, threshold, count).map(({ index, value }) => ({
    splitId,
    index,
    threshold,
    count,
    value,
  }));
}

/** Any M shares of one split recover the key; the result is checked against the org's public key. */
export function combineRecoveryShares(
  shares: readonly RecoveryShare[],
  expectedPublicKey: Uint8Array,
): Uint8Array {
  const first = shares[0];
  if (!first) fail('insufficient-shares', 'no shares entered');
  if (
    shares.some(
      (s) => s.splitId !== first.splitId || s.threshold !== first.threshold || s.count !== first.count,
    )
  ) {
    fail('inconsistent-shares', 'these shares come from different recovery splits');
  }
  if (new Set(shares.map((s) => s.index)).size < first.threshold) {
    fail('insufficient-shares', `${first.threshold} different shares are needed`);
  }
  const secretKey = combineShares(shares);
  if (!constantTimeEqual(x25519PublicKey(secretKey), expectedPublicKey)) {
    wipe(secretKey);
    fail('inconsistent-shares', 'these shares do not recover this organization’s recovery key');
  }
  return secretKey;
}
