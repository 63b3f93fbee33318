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

/** Fast paths for ASCII and the common Han block; a regular expression for the rest. */
export function classify(cp: number): CharClass {
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a)) return 'word';
    return 'other';
  }
  if (cp >= 0x4e00 && cp <= 0x9fff) return 'cjk';
  const char = String.fromCodePoint(cp);
  if (CJK.test(char)) return 'cjk';
  return WORD.test(char) ? 'word' : 'other';
}

function isSpace(cp: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  return SPACE.test(String.fromCodePoint(cp));
}

/** Per code point, so every unit of the result knows where it came from. */
export function normalize(original: string): NormalizedText {
  const units: string[] = [];
  const origin: number[] = [];
  let lastWasSpace = true;
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    if (isSpace(cp)) {
      if (!lastWasSpace) {
        units.push(' ');
        origin.push(i);
        lastWasSpace = true;
      }
    } else {
      let folded: string;
      if (cp < 0x80)
        folded = cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : (original[i] as string);
      else if (cp >= 0x4e00 && cp <= 0x9fff) folded = original[i] as string;
      else folded = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
      for (let k = 0; k < folded.length; k++) {
        units.push(folded[k] as string);
        origin.push(i);
      }
      lastWasSpace = false;
    }
    i += width;
  }
  if (units.length > 0 && units[units.length - 1] === ' ') {
    units.pop();
    origin.pop();
  }
  return { text: units.join(''), origin: Uint32Array.from(origin) };
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
