import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../crypto/bytes.js';
import { x25519PublicKey } from '../../crypto/hpke.js';
import {
  combineRecoveryShares,
  createRecoveryKeySplit,
  formatRecoveryShare,
  parseRecoveryShare,
  type RecoveryShare,
  splitRecoveryKey,
} from '../../crypto/recovery-shares.js';
import { combineShares, type RawShare, splitSecret } from '../../crypto/shamir.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** M, N with 1 ≤ M ≤ N ≤ 10, and a random M-subset of the share positions 0..N−1. */
const thresholdAndSubset = fc
  .integer({ min: 1, max: 10 })
  .chain((count) => fc.tuple(fc.integer({ min: 1, max: count }), fc.constant(count)))
  .chain(([threshold, count]) =>
    fc.tuple(
      fc.constant(threshold),
      fc.constant(count),
      fc.shuffledSubarray(
        Array.from({ length: count }, (_, i) => i),
        { minLength: threshold, maxLength: threshold },
      ),
    ),
  );

const secret32 = fc.uint8Array({ minLength: 32, maxLength: 32 });

function pick<T>(items: readonly T[], positions: readonly number[]): T[] {
  return positions.map((i) => items[i] as T);
}

describe('Shamir secret sharing over GF(256)', () => {
  it('recovers the secret from any M of N shares', () => {
    fc.assert(
      fc.property(secret32, thresholdAndSubset, (secret, [threshold, count, subset]) => {
        const shares = splitSecret(secret, threshold, count);

        const recovered = combineShares(pick(shares, subset));

        expect(recovered).toEqual(secret);
      }),
    );
  });

  it('interpolates M − 1 shares to something other than the secret', () => {
    fc.assert(
      fc.property(
        secret32,
        thresholdAndSubset.filter(([threshold]) => threshold >= 2),
        (secret, [threshold, count, subset]) => {
          const shares = splitSecret(secret, threshold, count);

          const recovered = combineShares(pick(shares, subset.slice(1)));

          expect(recovered).not.toEqual(secret);
        },
      ),
    );
  });

  it('gives N shares with the distinct indexes 1..N', () => {
    const shares = splitSecret(randomBytes(32), 3, 5);

    expect(shares.map((share) => share.index)).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives different shares for the same secret each time (random coefficients)', () => {
    const secret = randomBytes(32);

    const first = splitSecret(secret, 2, 3);
    const second = splitSecret(secret, 2, 3);

    expect(first[0]?.value).not.toEqual(second[0]?.value);
  });

  it.each([
    [0, 3],
    [4, 3],
    [2, 256],
    [1.5, 3],
  ])('refuses M = %d, N = %d', (threshold, count) => {
    expect(() => splitSecret(randomBytes(32), threshold, count)).toThrow(
      expect.objectContaining({ code: 'malformed' }),
    );
  });

  it('refuses no shares at all', () => {
    expect(() => combineShares([])).toThrow(expect.objectContaining({ code: 'insufficient-shares' }));
  });

  it('counts the same share typed twice once', () => {
    const secret = randomBytes(32);
    const [first, second] = splitSecret(secret, 2, 3) as [RawShare, RawShare, ...RawShare[]];

    expect(combineShares([first, first, second])).toEqual(secret);
  });

  it('refuses two different values for the same share number', () => {
    const [first] = splitSecret(randomBytes(32), 2, 3) as [RawShare, ...RawShare[]];
    const altered = { index: first.index, value: randomBytes(32) };

    expect(() => combineShares([first, altered])).toThrow(
      expect.objectContaining({ code: 'inconsistent-shares' }),
    );
  });
});

describe('recovery shares', () => {
  const shareOf = (threshold = 2, count = 3): RecoveryShare =>
    splitRecoveryKey(randomBytes(32), threshold, count)[0] as RecoveryShare;

  it('parses what it formats', () => {
    fc.assert(
      fc.property(secret32, thresholdAndSubset, (secret, [threshold, count]) => {
        for (const share of splitRecoveryKey(secret, threshold, count)) {
          expect(parseRecoveryShare(formatRecoveryShare(share))).toEqual(share);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('prints 64 Crockford characters in 16 dash-separated groups of 4', () => {
    const printed = formatRecoveryShare(shareOf());

    const groups = printed.split('-');

    expect(groups).toHaveLength(16);
    for (const group of groups) expect(group).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('reads a share typed in lower case with spaces', () => {
    const share = shareOf();
    const typed = formatRecoveryShare(share).toLowerCase().replaceAll('-', ' ');

    expect(parseRecoveryShare(typed)).toEqual(share);
  });

  it('detects any single character changed to another valid character', () => {
    const share = shareOf();
    const printed = formatRecoveryShare(share).replaceAll('-', '');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: printed.length - 1 }),
        fc.integer({ min: 1, max: 31 }),
        (at, shift) => {
          const original = printed[at] as string;
          const replacement = CROCKFORD[(CROCKFORD.indexOf(original) + shift) % 32] as string;
          const typo = printed.slice(0, at) + replacement + printed.slice(at + 1);

          expect(() => parseRecoveryShare(typo)).toThrow(expect.objectContaining({ code: 'bad-checksum' }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a share with a character missing', () => {
    const printed = formatRecoveryShare(shareOf());

    expect(() => parseRecoveryShare(printed.slice(0, -1))).toThrow(
      expect.objectContaining({ code: 'malformed' }),
    );
  });

  describe('combining', () => {
    it('recovers a key whose X25519 public key is the org recovery public key, from any M of N', () => {
      fc.assert(
        fc.property(thresholdAndSubset, ([threshold, count, subset]) => {
          const { publicKey, shares } = createRecoveryKeySplit(threshold, count);
          const typed = pick(shares, subset).map((share) => parseRecoveryShare(formatRecoveryShare(share)));

          const secretKey = combineRecoveryShares(typed, publicKey);

          expect(x25519PublicKey(secretKey)).toEqual(publicKey);
        }),
        { numRuns: 30 },
      );
    });

    it('refuses fewer than M shares', () => {
      const { publicKey, shares } = createRecoveryKeySplit(3, 5);

      expect(() => combineRecoveryShares(pick(shares, [0, 4]), publicKey)).toThrow(
        expect.objectContaining({ code: 'insufficient-shares' }),
      );
    });

    it('refuses no shares', () => {
      const { publicKey } = createRecoveryKeySplit(2, 3);

      expect(() => combineRecoveryShares([], publicKey)).toThrow(
        expect.objectContaining({ code: 'insufficient-shares' }),
      );
    });

    it('does not count the same share twice as two', () => {
      const { publicKey, shares } = createRecoveryKeySplit(2, 3);
      const [first] = shares as [RecoveryShare];
      const retyped = parseRecoveryShare(formatRecoveryShare(first));

      expect(() => combineRecoveryShares([first, retyped], publicKey)).toThrow(
        expect.objectContaining({ code: 'insufficient-shares' }),
      );
    });

    it('refuses shares from two different splits', () => {
      const first = createRecoveryKeySplit(2, 3);
      const second = createRecoveryKeySplit(2, 3);

      expect(() =>
        combineRecoveryShares([first.shares[0], second.shares[1]] as RecoveryShare[], first.publicKey),
      ).toThrow(expect.objectContaining({ code: 'inconsistent-shares' }));
    });

    it('refuses shares that do not recover the expected public key', () => {
      const { shares } = createRecoveryKeySplit(2, 3);
      const other = createRecoveryKeySplit(2, 3);

      expect(() => combineRecoveryShares(pick(shares, [0, 2]), other.publicKey)).toThrow(
        expect.objectContaining({ code: 'inconsistent-shares' }),
      );
    });
  });
});
