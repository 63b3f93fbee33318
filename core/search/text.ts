/**
 * Text as the search index sees it (issue 14): NFKC, lower case, whitespace collapsed, with a map
 * back to the original so a hit can be highlighted in the words the author wrote. Chinese,
 * Japanese and Korean have no spaces between words, so they are indexed as overlapping character
 * pairs (bigrams): any run of two or more characters is found wherever it occurs, whatever a word
 * segmenter would have made of it. Other scripts are indexed by word.
 */

export interface NormalizedText {
  /** NFKC, lower case, each run of whitespace one space */
  readonly text: string;
  /** for each UTF-16 unit of `text`, the index in the original it came from */
  readonly origin: Uint32Array;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/u;

export type CharClass = 'cjk' | 'word' | 'other';

const classes = new Map<number, CharClass>();

/** Fast paths for ASCII and the common Han block; a regular expression (once per character) for the rest. */
export function classify(cp: number): CharClass {
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a)) return 'word';
    return 'other';
  }
  if (cp >= 0x4e00 && cp <= 0x9fff) return 'cjk';
  let known = classes.get(cp);
  if (known === undefined) {
    const char = String.fromCodePoint(cp);
    known = CJK.test(char) ? 'cjk' : WORD.test(char) ? 'word' : 'other';
    classes.set(cp, known);
  }
  return known;
}

function isSpace(cp: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  if (cp >= 0x4e00 && cp <= 0x9fff) return false;
  return SPACE.test(String.fromCodePoint(cp));
}

const folded = new Map<number, string>();

function fold(cp: number): string {
  let known = folded.get(cp);
  if (known === undefined) {
    known = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
    folded.set(cp, known);
  }
  return known;
}

/** Per code point, so every unit of the result knows where it came from. */
export function normalize(original: string): NormalizedText {
  const units = new Uint16Array(original.length * 2 + 8);
  let origin = new Uint32Array(original.length * 2 + 8);
  let out = 0;
  let buffer = units;
  const push = (unit: number, from: number) => {
    if (out === buffer.length) {
      const grown = new Uint16Array(buffer.length * 2);
      grown.set(buffer);
      buffer = grown;
      const grownOrigin = new Uint32Array(origin.length * 2);
      grownOrigin.set(origin);
      origin = grownOrigin;
    }
    buffer[out] = unit;
    origin[out++] = from;
  };
  let lastWasSpace = true;
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    if (cp < 0x80) {
      if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d)) {
        if (!lastWasSpace) push(0x20, i);
        lastWasSpace = true;
      } else {
        push(cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp, i);
        lastWasSpace = false;
      }
    } else if (cp >= 0x4e00 && cp <= 0x9fff) {
      push(cp, i);
      lastWasSpace = false;
    } else if (isSpace(cp)) {
      if (!lastWasSpace) push(0x20, i);
      lastWasSpace = true;
    } else {
      const text = fold(cp);
      for (let k = 0; k < text.length; k++) push(text.charCodeAt(k), i);
      lastWasSpace = false;
    }
    i += width;
  }
  if (out > 0 && buffer[out - 1] === 0x20) out--;
  let text = '';
  for (let at = 0; at < out; at += 8192) {
    text += String.fromCharCode(...buffer.subarray(at, Math.min(out, at + 8192)));
  }
  return { text, origin: origin.slice(0, out) };
}

/** A run of characters of one class, in normalized text. */
export interface TextRun {
  readonly kind: 'cjk' | 'word';
  readonly start: number;
  readonly text: string;
}

/** Words and CJK runs of normalized text; punctuation and spaces separate them. */
export function runs(text: string): TextRun[] {
  const found: TextRun[] = [];
  let kind: CharClass = 'other';
  let start = 0;
  const close = (end: number) => {
    if (kind !== 'other') found.push({ kind, start, text: text.slice(start, end) });
  };
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const next = classify(cp);
    if (next !== kind) {
      close(i);
      kind = next;
      start = i;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  close(text.length);
  return found;
}

/** The code points of a CJK run, as strings (a rare Han character outside the BMP is one). */
export function characters(run: string): string[] {
  return Array.from(run);
}

/** Overlapping pairs of a CJK run; a single character is its own term. */
export function bigrams(run: string): string[] {
  if (!/[\ud800-\udfff]/.test(run)) {
    if (run.length === 1) return [run];
    const pairs: string[] = [];
    for (let i = 0; i + 1 < run.length; i++) pairs.push(run.slice(i, i + 2));
    return pairs;
  }
  const chars = characters(run);
  if (chars.length === 1) return chars;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(`${chars[i]}${chars[i + 1]}`);
  return pairs;
}

type Segmenter = { segment(text: string): Iterable<{ segment: string; isWordLike?: boolean }> };

let segmenter: Segmenter | null | undefined;

/** Intl.Segmenter's words for Chinese where the runtime has it; null where it does not. */
export function wordSegmenter(): Segmenter | null {
  if (segmenter === undefined) {
    const Intl2 = Intl as unknown as { Segmenter?: new (locale: string, options: object) => Segmenter };
    segmenter = Intl2.Segmenter ? new Intl2.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** Dictionary words of a CJK run (two characters or more), when a segmenter is at hand. */
export function cjkWords(run: string): string[] {
  const words: string[] = [];
  const segment = wordSegmenter();
  if (!segment) return words;
  for (const piece of segment.segment(run)) {
    if (piece.isWordLike !== false && piece.segment.length >= 2) words.push(piece.segment);
  }
  return words;
}

/** Whether the unit before `at` continues a word (a Latin hit must start at a word boundary). */
export function continuesWord(text: string, at: number): boolean {
  if (at === 0) return false;
  const before = text.codePointAt(at - 1) as number;
  const cp = before >= 0xdc00 && before <= 0xdfff && at >= 2 ? (text.codePointAt(at - 2) as number) : before;
  return classify(cp) === 'word';
}
