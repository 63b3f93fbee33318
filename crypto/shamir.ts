import { randomBytes, wipe } from './bytes.js';
import { fail } from './errors.js';

/**
 * Shamir secret sharing over GF(2^8) (the AES field, x^8 + x^4 + x^3 + x + 1), byte by byte.
 * Multiplication is branch-free and table-free so the timing does not depend on secret bytes.
 */

function gfMul(a: number, b: number): number {
  let product = 0;
  let x = a;
  let y = b;
  for (let i = 0; i < 8; i++) {
    product ^= -(y & 1) & x;
    const carry = -((x >> 7) & 1);
    x = ((x << 1) ^ (carry & 0x1b)) & 0xff;
    y >>= 1;
  }
  return product & 0xff;
}

/** a^254 = a^-1 in GF(2^8). */
function gfInverse(a: number): number {
  let result = 1;
  let power = a;
  for (let exponent = 254; exponent > 0; exponent >>= 1) {
    if (exponent & 1) result = gfMul(result, power);
    power = gfMul(power, power);
  }
  return result;
}

export interface RawShare {
  /** x coordinate, 1..255 */
  index: number;
  value: Uint8Array;
}

export function splitSecret(secret: Uint8Array, threshold: number, count: number): RawShare[] {
  if (
    !Number.isInteger(threshold) ||
    !Number.isInteger(count) ||
    threshold < 1 ||
    threshold > count ||
    count > 255
  ) {
    fail('malformed', 'need 1 ≤ M ≤ N ≤ 255');
  }
  const shares = Array.from({ length: count }, (_, i) => ({
    index: i + 1,
    value: new Uint8Array(secret.length),
  }));
  const coefficients = new Uint8Array(threshold);
  for (let byte = 0; byte < secret.length; byte++) {
    coefficients[0] = secret[byte] as number;
    coefficients.set(randomBytes(threshold - 1), 1);
    for (const share of shares) {
      // Horner's rule from the highest coefficient.
      let y = 0;
      for (let k = threshold - 1; k >= 0; k--) y = gfMul(y, share.index) ^ (coefficients[k] as number);
      share.value[byte] = y;
    }
  }
  wipe(coefficients);
  return shares;
}

/** Lagrange interpolation at x = 0. Needs at least M distinct shares; it cannot tell on its own. */
export function combineShares(shares: readonly RawShare[]): Uint8Array {
  if (shares.length === 0) fail('insufficient-shares', 'no shares');
  const distinct = dropRepeatedShares(shares);
  const length = (shares[0] as RawShare).value.length;

  if (shares.some((share) => share.value.length !== length || share.index < 1 || share.index > 255)) {
    fail('inconsistent-shares', 'shares of different lengths');
  }
  const weights = distinct.map((share) => {
    let numerator = 1;
    let denominator = 1;
    for (const other of distinct) {
      if (other.index === share.index) continue;
      numerator = gfMul(numerator, other.index);
      denominator = gfMul(denominator, other.index ^ share.index);
    }
    return gfMul(numerator, gfInverse(denominator));
  });
  const secret = new Uint8Array(length);
  for (let byte = 0; byte < length; byte++) {
    let value = 0;
    distinct.forEach((share, i) => {
      value ^= gfMul(share.value[byte] as number, weights[i] as number);
    });
    secret[byte] = value;
  }
  return secret;
}

/** The same share typed twice counts once; two different values for one index is an error. */
function dropRepeatedShares(shares: readonly RawShare[]): RawShare[] {
  const byIndex = new Map<number, RawShare>();
  for (const share of shares) {
    const seen = byIndex.get(share.index);
    if (!seen) byIndex.set(share.index, share);
    else if (
      seen.value.length !== share.value.length ||
      seen.value.some((byte, i) => byte !== share.value[i])
    ) {
      fail('inconsistent-shares', `two different shares claim number ${share.index}`);
    }
  }
  return [...byIndex.values()];
}
