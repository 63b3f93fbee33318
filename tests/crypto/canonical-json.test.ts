import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../crypto/bytes.js';
import { canonicalJson, canonicalJsonBytes } from '../../crypto/canonical-json.js';

const malformed = expect.objectContaining({ code: 'malformed' });

describe('canonical JSON (RFC 8785)', () => {
  describe('property order', () => {
    it('sorts keys by UTF-16 code units, as in RFC 8785 §3.2.3', () => {
      // The RFC's sorting example, minus U+FB33, which NFC rewrites (next test).
      const value = {
        '\u20ac': 'Euro Sign',
        '\r': 'Carriage Return',
        '1': 'One',
        '\ud83d\ude00': 'Emoji: Grinning Face',
        '\u0080': 'Control',
        '\u00f6': 'Latin Small Letter O With Diaeresis',
      };

      const text = canonicalJson(value);

      expect(text).toBe(
        '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
          '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face"}',
      );
    });

    it('sorts the full RFC example after NFC, which turns U+FB33 into U+05D3 U+05BC', () => {
      // RFC 8785 alone would put "\ufb33" last; PROTOCOL §2 normalizes every string to NFC first,
      // and U+FB33 is a composition exclusion, so it sorts as U+05D3 (before U+20AC).
      const value = {
        '\u20ac': 'Euro Sign',
        '\r': 'Carriage Return',
        '\ufb33': 'Hebrew Letter Dalet With Dagesh',
        '1': 'One',
        '\ud83d\ude00': 'Emoji: Grinning Face',
        '\u0080': 'Control',
        '\u00f6': 'Latin Small Letter O With Diaeresis',
      };

      const text = canonicalJson(value);

      expect(text).toBe(
        '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
          '"\u05d3\u05bc":"Hebrew Letter Dalet With Dagesh","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face"}',
      );
    });

    it('orders a supplementary character before a high BMP one, by code unit not code point', () => {
      expect(canonicalJson({ '\uffff': 1, '\u{10000}': 2 })).toBe('{"\u{10000}":2,"\uffff":1}');
    });

    it('gives the same text whatever order the keys were inserted in', () => {
      fc.assert(
        fc.property(fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 8 }), (keys) => {
          const forward = Object.fromEntries(keys.map((key, i) => [key, i]));
          const backward = Object.fromEntries(keys.map((key, i) => [key, i]).reverse());

          expect(canonicalJson(backward)).toBe(canonicalJson(forward));
        }),
      );
    });

    it('sorts nested objects too, and keeps array order', () => {
      const value = { b: [{ z: 1, a: 2 }, 3, [true, false, null]], a: { y: {}, x: [] } };

      expect(canonicalJson(value)).toBe('{"a":{"x":[],"y":{}},"b":[{"a":2,"z":1},3,[true,false,null]]}');
    });

    it('leaves out object properties whose value is undefined, as JSON does', () => {
      expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    });
  });

  describe('numbers', () => {
    it.each([
      [1e21, '1e+21'],
      [1e-7, '1e-7'],
      [-0, '0'],
      [4.5, '4.5'],
      [2e-3, '0.002'],
      [333333333.3333333, '333333333.3333333'],
      [1e30, '1e+30'],
      [1e-27, '1e-27'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [9007199254740992, '9007199254740992'],
      [295147905179352830000, '295147905179352830000'],
      [-1.5, '-1.5'],
      [0.000001, '0.000001'],
    ])('writes %d as %s', (n, text) => {
      expect(canonicalJson(n)).toBe(text);
    });

    it('writes 4.50 and 2e-3 from their source text as 4.5 and 0.002', () => {
      expect(canonicalJson(JSON.parse('[4.50,2e-3,1E30,333333333.33333329]'))).toBe(
        '[4.5,0.002,1e+30,333333333.3333333]',
      );
    });

    it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses %d', (n) => {
      expect(() => canonicalJson(n)).toThrow(malformed);
      expect(() => canonicalJson({ n })).toThrow(malformed);
    });

    it('reads back every finite double exactly', () => {
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
          expect(JSON.parse(canonicalJson(n))).toBe(n === 0 ? 0 : n);
        }),
      );
    });
  });

  describe('strings', () => {
    it('escapes control characters as lowercase \\u00xx except the five short escapes', () => {
      expect(canonicalJson('\u0000\u0007\b\t\n\u000b\f\r\u001f')).toBe(
        '"\\u0000\\u0007\\b\\t\\n\\u000b\\f\\r\\u001f"',
      );
    });

    it('escapes the quote and the backslash and nothing else', () => {
      expect(canonicalJson('"\\/\u007f\u2028')).toBe('"\\"\\\\/\u007f\u2028"');
    });

    it('keeps non-ASCII text literally, in UTF-8', () => {
      const text = '来访者：张三 😀 ö';

      expect(canonicalJson(text)).toBe(`"${text}"`);
      expect(fromUtf8(canonicalJsonBytes({ note: text }))).toBe(`{"note":"${text}"}`);
    });

    it('escapes the RFC 8785 §3.2.2.2 example string', () => {
      expect(canonicalJson('\u20ac$\u000f\nA\'B"\\\\"/')).toBe('"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/"');
    });

    it.each(['\ud800', 'a\udc00b', '\ude00\ud83d'])('refuses the lone surrogate in %j', (text) => {
      expect(() => canonicalJson(text)).toThrow(malformed);
      expect(() => canonicalJson({ [text]: 1 })).toThrow(malformed);
    });
  });

  describe('NFC normalization (PROTOCOL §2)', () => {
    it('writes e + combining acute the same as the precomposed é, in values and keys', () => {
      expect(canonicalJson('caf\u0065\u0301')).toBe(canonicalJson('caf\u00e9'));
      expect(canonicalJson({ 'caf\u0065\u0301': 1 })).toBe('{"caf\u00e9":1}');
    });

    it('refuses two keys that are equal after NFC', () => {
      expect(() => canonicalJson({ '\u00e9': 1, e\u0301: 2 })).toThrow(malformed);
    });

    it('refuses duplicate NFC keys in a nested object', () => {
      expect(() => canonicalJson({ outer: [{ '\u00c5': 1, A\u030a: 2 }] })).toThrow(malformed);
    });
  });

  describe('values JSON cannot hold', () => {
    it.each([
      ['undefined in an array', [1, undefined]],
      ['a function', () => 1],
      ['a function in an object', { f: () => 1 }],
      ['a bigint', 1n],
      ['a bigint in an array', [1n]],
      ['a symbol', Symbol('s')],
      ['undefined at the top', undefined],
    ])('refuses %s', (_, value) => {
      expect(() => canonicalJson(value)).toThrow(malformed);
    });

    it('refuses a sparse array instead of writing invalid JSON', () => {
      // biome-ignore lint/suspicious/noSparseArray: the hole is the point of the test
      expect(() => canonicalJson([, 1])).toThrow(malformed);
    });

    it.each([
      ['a Date', new Date(0)],
      ['a Map', new Map([['a', 1]])],
      ['a Uint8Array', new Uint8Array([1, 2])],
    ])('refuses %s instead of silently rewriting it', (_, value) => {
      expect(() => canonicalJson({ value })).toThrow(malformed);
    });
  });

  it('writes no whitespace', () => {
    fc.assert(
      fc.property(
        fc.json().map((text) => JSON.parse(text) as unknown),
        (value) => {
          const text = canonicalJson(value);

          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
          expect(text.replace(/"(?:[^"\\]|\\.)*"/g, '')).not.toMatch(/\s/);
        },
      ),
    );
  });
});
