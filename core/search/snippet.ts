/** Highlighted pieces of a hit, in the author's own characters (no markup: the UI draws the marks). */

export interface TextPart {
  readonly text: string;
  readonly hit: boolean;
}

export interface Snippet {
  readonly parts: readonly TextPart[];
  /** text was left out before / after the shown piece */
  readonly clippedStart: boolean;
  readonly clippedEnd: boolean;
}

/** A half-open range of normalized text. */
export type Range = readonly [start: number, end: number];

export interface Mapped {
  /** the original the normalized text came from */
  readonly original: string;
  readonly origin: Uint32Array;
  readonly length: number;
}

const BEFORE = 24;
const WIDTH = 120;

export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function toOriginal(mapped: Mapped, at: number): number {
  return at < mapped.length ? (mapped.origin[at] as number) : mapped.original.length;
}

/** The original text of normalized [from, to), split at the (merged, sorted) hit ranges. */
export function partsOf(mapped: Mapped, from: number, to: number, hits: readonly Range[]): TextPart[] {
  const parts: TextPart[] = [];
  const push = (start: number, end: number, hit: boolean) => {
    const text = mapped.original.slice(toOriginal(mapped, start), toOriginal(mapped, end));
    if (text) parts.push({ text, hit });
  };
  let at = from;
  for (const [start, end] of hits) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s > at) push(at, s, false);
    push(s, e, true);
    at = e;
  }
  if (at < to) push(at, to, false);
  return parts;
}

/** The window of the body around its densest cluster of hits (or its beginning, if it has none). */
export function snippetOf(mapped: Mapped, hits: readonly Range[]): Snippet {
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < hits.length; i++) {
    const start = (hits[i] as Range)[0];
    let count = 0;
    for (let j = i; j < hits.length && (hits[j] as Range)[0] < start + WIDTH - BEFORE; j++) count++;
    if (count > bestCount) {
      best = start;
      bestCount = count;
    }
  }
  let from = best < 0 ? 0 : Math.max(0, best - BEFORE);
  const to = Math.min(mapped.length, from + WIDTH);
  if (to - from < WIDTH) from = Math.max(0, to - WIDTH);
  // Never start or end inside a surrogate pair.
  const original = mapped.original;
  const low = (at: number) =>
    at > 0 && at < mapped.length && toOriginal(mapped, at) === toOriginal(mapped, at - 1);
  while (low(from)) from--;
  let end = to;
  while (low(end)) end++;
  return {
    parts: partsOf(mapped, from, end, hits),
    clippedStart: toOriginal(mapped, from) > 0,
    clippedEnd: toOriginal(mapped, end) < original.length,
  };
}
