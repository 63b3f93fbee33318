import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase32, groupCode, toBase32 } from '../../crypto/base32.js';
import { concatBytes, randomBytes } from '../../crypto/bytes.js';
import {
  createRecoveryCredentials,
  deriveRecoveryKeys,
  formatRecoveryCode,
  generateRecoveryCode,
  openRecoveryBundle,
  parseRecoveryCode,
} from '../../crypto/recovery-code.js';
import { generateUserKeys } from '../../crypto/user-keys.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const USER = '0b8f6c1e-2a4d-4c59-9a51-6f3c2e7d9b10';
const OTHER_USER = '5d2a9e47-8c13-4b6f-a0d2-1e9f7b3c4a58';

const code16 = fc.uint8Array({ minLength: 16, maxLength: 16 });

describe('Crockford base32', () => {
  it('encodes five bytes as eight characters, most significant bits first', () => {
    expect(toBase32(new Uint8Array([0x00, 0x44, 0x32, 0x14, 0xc7]))).toBe('01234567');
    expect(toBase32(new Uint8Array([0x42, 0x10, 0x84, 0x21, 0x08]))).toBe('88888888');
    expect(toBase32(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]))).toBe('ZZZZZZZZ');
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 50 }), (value) => {
        expect(fromBase32(toBase32(value), value.length)).toEqual(value);
      }),
    );
  });

  it('refuses U, which the alphabet leaves out', () => {
    expect(() => fromBase32('0000000U', 5)).toThrow(expect.objectContaining({ code: 'malformed' }));
  });

  it('groups a code in fours', () => {
    expect(groupCode('ABCDEFGHJK')).toBe('ABCD-EFGH-JK');
  });
});

describe('recovery code', () => {
  it('prints 8 groups of 4 Crockford characters', () => {
    const printed = formatRecoveryCode(generateRecoveryCode());

    expect(printed).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);
  });

  it('parses what it formats', () => {
    fc.assert(
      fc.property(code16, (code) => {
        expect(parseRecoveryCode(formatRecoveryCode(code))).toEqual(code);
      }),
    );
  });

  it('reads lower case and spaces instead of dashes', () => {
    const code = generateRecoveryCode();
    const typed = ` ${formatRecoveryCode(code).toLowerCase().replaceAll('-', ' ')} `;

    expect(parseRecoveryCode(typed)).toEqual(code);
  });

  it('reads the look-alikes I and L as 1 and O as 0', () => {
    // Five zero bytes print as "00000000", the next five as "11111111".
    const code = concatBytes(
      new Uint8Array(5),
      new Uint8Array([0x08, 0x42, 0x10, 0x84, 0x21]),
      randomBytes(6),
    );
    const printed = formatRecoveryCode(code);
    expect(printed.startsWith('0000-0000-1111-1111')).toBe(true);

    const typed = printed.replace('0000-0000', 'OOOO-oooo').replace('1111-1111', 'IIII-llll');

    expect(parseRecoveryCode(typed)).toEqual(code);
  });

  it('detects any single character replaced by another alphabet character', () => {
    fc.assert(
      fc.property(
        code16,
        fc.integer({ min: 0, max: 31 }),
        fc.integer({ min: 1, max: 31 }),
        (code, at, shift) => {
          const printed = formatRecoveryCode(code).replaceAll('-', '');
          const replacement = CROCKFORD[(CROCKFORD.indexOf(printed[at] as string) + shift) % 32] as string;
          const typo = printed.slice(0, at) + replacement + printed.slice(at + 1);

          expect(() => parseRecoveryCode(typo)).toThrow(expect.objectContaining({ code: 'bad-checksum' }));
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    ['a character missing', (printed: string) => printed.slice(0, -1)],
    ['a character too many', (printed: string) => `${printed}0`],
    ['a character outside the alphabet', (printed: string) => `U${printed.slice(1)}`],
    ['nothing', () => ''],
  ])('refuses a code with %s as malformed', (_, mistype) => {
    const printed = formatRecoveryCode(generateRecoveryCode());

    expect(() => parseRecoveryCode(mistype(printed))).toThrow(expect.objectContaining({ code: 'malformed' }));
  });

  it('refuses to format a code that is not 16 bytes', () => {
    expect(() => formatRecoveryCode(randomBytes(15))).toThrow(expect.objectContaining({ code: 'malformed' }));
  });

  it('derives a login key and a KEK that differ from each other', () => {
    const code = generateRecoveryCode();

    const { auth, kek } = deriveRecoveryKeys(code);

    expect(auth).toHaveLength(32);
    expect(kek).toHaveLength(32);
    expect(auth).not.toEqual(kek);
  });

  describe('recovery bundle', () => {
    it('opens with the printed code and gives back the same user keys', () => {
      const keys = generateUserKeys();
      const { code, auth, recoveryBundle } = createRecoveryCredentials(USER, keys);
      const typed = parseRecoveryCode(code);

      const opened = openRecoveryBundle(typed, USER, recoveryBundle);

      expect(opened).toEqual(keys);
      expect(auth).toEqual(deriveRecoveryKeys(typed).auth);
    });

    it('refuses a different code', () => {
      const { recoveryBundle } = createRecoveryCredentials(USER, generateUserKeys());

      expect(() => openRecoveryBundle(generateRecoveryCode(), USER, recoveryBundle)).toThrow(
        expect.objectContaining({ code: 'wrong-key' }),
      );
    });

    it('refuses to open for another user id (the context binds the user)', () => {
      const { code, recoveryBundle } = createRecoveryCredentials(USER, generateUserKeys());

      expect(() => openRecoveryBundle(parseRecoveryCode(code), OTHER_USER, recoveryBundle)).toThrow(
        expect.objectContaining({ code: 'wrong-key' }),
      );
    });

    it('gives a fresh code each time, even for the same keys', () => {
      const keys = generateUserKeys();

      const first = createRecoveryCredentials(USER, keys);
      const second = createRecoveryCredentials(USER, keys);

      expect(first.code).not.toBe(second.code);
    });
  });
});
