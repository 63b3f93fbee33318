import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  constantTimeEqual,
  fromBase64Url,
  fromHex,
  lp,
  toBase64Url,
  toHex,
  u64,
} from '../../crypto/bytes.js';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('lp (4-byte big-endian length prefix)', () => {
  it('prefixes the empty string with four zero bytes', () => {
    expect(toHex(lp(''))).toBe('00000000');
  });

  it('prefixes a string with its UTF-8 length', () => {
    expect(toHex(lp('abc'))).toBe('00000003616263');
  });

  it('measures the NFC form of a string, not its code units', () => {
    expect(toHex(lp('e\u0301'))).toBe('00000002c3a9');
  });

  it('prefixes bytes with their length, most significant byte first', () => {
    const value = new Uint8Array(0x0102).fill(0xaa);

    const encoded = lp(value);

    expect(toHex(encoded.subarray(0, 4))).toBe('00000102');
    expect(encoded.subarray(4)).toEqual(value);
  });
});

describe('u64 (8-byte big-endian)', () => {
  it.each([
    [0, '0000000000000000'],
    [1, '0000000000000001'],
    [0x0102030405, '0000000102030405'],
    [Number.MAX_SAFE_INTEGER, '001fffffffffffff'],
  ])('encodes %d as %s', (n, hex) => {
    expect(toHex(u64(n))).toBe(hex);
  });

  it.each([-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN])('refuses %d', (n) => {
    expect(() => u64(n)).toThrow(expect.objectContaining({ code: 'malformed' }));
  });
});

describe('hex', () => {
  it('writes lowercase hex', () => {
    expect(toHex(bytes(0x00, 0x0f, 0xab, 0xff))).toBe('000fabff');
  });

  it('reads upper and lower case', () => {
    expect(fromHex('0fAbfF')).toEqual(bytes(0x0f, 0xab, 0xff));
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (value) => {
        expect(fromHex(toHex(value))).toEqual(value);
      }),
    );
  });

  it.each(['abc', '0g', 'zz', '0x00', ' 00'])('refuses %j', (text) => {
    expect(() => fromHex(text)).toThrow(expect.objectContaining({ code: 'malformed' }));
  });
});

describe('base64url without padding', () => {
  it.each([
    [[], ''],
    [[0x00], 'AA'],
    [[0xfb, 0xff], '-_8'],
    [[0x66, 0x6f, 0x6f, 0x62], 'Zm9vYg'],
    [[0x66, 0x6f, 0x6f, 0x62, 0x61, 0x72], 'Zm9vYmFy'],
  ])('encodes %j as %j', (values, text) => {
    expect(toBase64Url(new Uint8Array(values))).toBe(text);
    expect(fromBase64Url(text)).toEqual(new Uint8Array(values));
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (value) => {
        const text = toBase64Url(value);

        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(value);
      }),
    );
  });

  it.each(['AA==', 'Zm9vYg=', 'Zm9v+g', 'Zm9v/g', 'Zm 9v', 'A'])('refuses %j', (text) => {
    expect(() => fromBase64Url(text)).toThrow(expect.objectContaining({ code: 'malformed' }));
  });

  it.each([
    // "AA" is 12 bits for one byte: the 4 spare bits of "B" (000001) are set.
    ['AB', 'AA'],
    // "AAE" is 18 bits for two bytes: the 2 spare bits of "F" (000101) are set, of "E" (000100) not.
    ['AAF', 'AAE'],
  ])('refuses %j whose spare low bits are set, while the canonical %j is read', (stray, canonical) => {
    expect(() => fromBase64Url(stray)).toThrow(expect.objectContaining({ code: 'malformed' }));
    expect(toBase64Url(fromBase64Url(canonical))).toBe(canonical);
  });

  it('has exactly one encoding for every byte string', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 20 }), fc.nat(), (value, pick) => {
        const text = toBase64Url(value);
        const last = text.at(-1) as string;
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
        const other = alphabet[(alphabet.indexOf(last) + 1 + (pick % 63)) % 64] as string;

        const altered = text.slice(0, -1) + other;

        // Changing the last character either changes the bytes or is refused, never both readings.
        let decoded: Uint8Array | undefined;
        try {
          decoded = fromBase64Url(altered);
        } catch (error) {
          expect(error).toMatchObject({ code: 'malformed' });
        }
        if (decoded) expect(decoded).not.toEqual(value);
      }),
    );
  });
});

describe('constantTimeEqual', () => {
  it('is true for equal bytes', () => {
    expect(constantTimeEqual(bytes(1, 2, 3), bytes(1, 2, 3))).toBe(true);
    expect(constantTimeEqual(bytes(), bytes())).toBe(true);
  });

  it('is false when one byte differs, wherever it is', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (a, at, delta) => {
          const b = a.slice();
          const i = at % a.length;
          b[i] = ((b[i] as number) + delta) & 0xff;

          expect(constantTimeEqual(a, b)).toBe(false);
        },
      ),
    );
  });

  it('is false for different lengths, even when one is a prefix of the other', () => {
    expect(constantTimeEqual(bytes(1, 2), bytes(1, 2, 3))).toBe(false);
    expect(constantTimeEqual(bytes(), bytes(0))).toBe(false);
  });
});
