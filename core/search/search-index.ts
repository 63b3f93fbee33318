import { parseQuery, type QueryClause } from './query.js';
import {
  type Mapped,
  mergeRanges,
  partsOf,
  type Range,
  type Snippet,
  snippetOf,
  type TextPart,
} from './snippet.js';
import { bigrams, classify, continuesWord, normalize, runs } from './text.js';

/**
 * An inverted index over what one person can decrypt, kept in their browser's memory only
 * (issue 14). Terms are Latin words and CJK bigrams; the index finds candidates, and every
 * candidate is confirmed against its text (phrases are exact, words match by prefix) before it
 * is ranked (BM25 over the confirmed occurrences, a title hit counting thrice).
 */

export interface SearchDocument {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** when it was written (ms): the newer of two equal hits comes first */
  readonly at?: number;
}

export interface SearchHit<D extends SearchDocument> {
  readonly doc: D;
  readonly score: number;
  readonly title: readonly TextPart[];
  readonly snippet: Snippet;
}

export interface SearchResult<D extends SearchDocument> {
  readonly hits: readonly SearchHit<D>[];
  /** documents matching every required clause (hits holds at most `limit` of them) */
  readonly total: number;
  readonly clauses: readonly QueryClause[];
}

interface Entry<D> {
  readonly doc: D;
  /** normalized title, a space, normalized body */
  readonly text: string;
  readonly length: number;
  readonly titleEnd: number;
  readonly title: Mapped;
  readonly body: Mapped;
}

const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 3;

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}

/** End of the word that starts at `at` (for highlighting a prefix hit whole). */
function wordEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length) {
    const cp = text.codePointAt(end) as number;
    if (classify(cp) !== 'word') break;
    end += cp > 0xffff ? 2 : 1;
  }
  return end;
}

/** Where a clause occurs in a document's normalized text. */
function occurrences(text: string, clause: QueryClause): Range[] {
  const found: Range[] = [];
  const needle = clause.text;
  const latinStart = classify(needle.codePointAt(0) as number) === 'word';
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (latinStart && continuesWord(text, at)) continue;
    found.push([at, clause.kind === 'word' ? wordEnd(text, at) : at + needle.length]);
  }
  return found;
}

export class SearchIndex<D extends SearchDocument> {
  private readonly entries: Entry<D>[] = [];
  private readonly postings = new Map<string, number[]>();
  private vocabulary: string[] | null = null;
  private totalLength = 0;

  get size(): number {
    return this.entries.length;
  }

  add(doc: D): void {
    const title = normalize(doc.title);
    const body = normalize(doc.text);
    const text = `${title.text} ${body.text}`;
    const index = this.entries.length;
    const terms = new Set<string>();
    for (const run of runs(text)) {
      if (run.kind === 'word') terms.add(run.text);
      else if (run.text.length > 1) for (const pair of bigrams(run.text)) terms.add(pair);
    }
    for (const term of terms) {
      const list = this.postings.get(term);
      if (list) list.push(index);
      else this.postings.set(term, [index]);
    }
    this.entries.push({
      doc,
      text,
      length: text.length,
      titleEnd: title.text.length,
      title: { original: doc.title, origin: title.origin, length: title.text.length },
      body: { original: doc.text, origin: body.origin, length: body.text.length },
    });
    this.totalLength += text.length;
    this.vocabulary = null;
  }

  /** Latin words of every document, sorted, for prefix look-ups. */
  private latinWords(): string[] {
    if (!this.vocabulary) {
      this.vocabulary = [...this.postings.keys()]
        .filter((term) => classify(term.codePointAt(0) as number) === 'word')
        .sort();
    }
    return this.vocabulary;
  }

  /** Documents that may hold the clause (a superset, ascending), or null for "any". */
  private candidates(clause: QueryClause): number[] | null {
    if (clause.kind === 'word') {
      const words = this.latinWords();
      const found = new Set<number>();
      for (let i = lowerBound(words, clause.text); i < words.length; i++) {
        const word = words[i] as string;
        if (!word.startsWith(clause.text)) break;
        for (const doc of this.postings.get(word) ?? []) found.add(doc);
      }
      return [...found].sort((a, b) => a - b);
    }
    const parts = runs(clause.text);
    let result: number[] | null = null;
    parts.forEach((run, i) => {
      // The last Latin word of a phrase may be a prefix ("panic att"): it is confirmed, not looked up.
      const terms =
        run.kind === 'word'
          ? i < parts.length - 1
            ? [run.text]
            : []
          : run.text.length > 1
            ? bigrams(run.text)
            : [];
      for (const term of terms) {
        const list = this.postings.get(term) ?? [];
        result = result === null ? list : intersect(result, list);
      }
    });
    return result;
  }

  private idf(matching: number): number {
    const n = this.entries.length;
    return Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
  }

  search(query: string, limit = 50): SearchResult<D> {
    const clauses = parseQuery(query);
    const required = clauses.filter((clause) => clause.required);
    if (required.length === 0) return { hits: [], total: 0, clauses };

    const confirmed = new Map<QueryClause, Map<number, Range[]>>();
    const confirm = (clause: QueryClause, docs: Iterable<number>) => {
      const found = new Map<number, Range[]>();
      for (const doc of docs) {
        const ranges = occurrences((this.entries[doc] as Entry<D>).text, clause);
        if (ranges.length > 0) found.set(doc, ranges);
      }
      confirmed.set(clause, found);
      return found;
    };
    const all = () => this.entries.keys();
    // Narrowest clause first: each later one is confirmed only where all earlier ones held.
    const ordered = required
      .map((clause) => ({ clause, docs: this.candidates(clause) }))
      .sort((a, b) => (a.docs?.length ?? Infinity) - (b.docs?.length ?? Infinity));
    let matching: number[] | null = null;
    const df = new Map<QueryClause, number>();
    for (const { clause, docs } of ordered) {
      const pool: Iterable<number> =
        matching === null ? (docs ?? all()) : docs === null ? matching : intersect(matching, docs);
      const found = confirm(clause, pool);
      df.set(clause, Math.max(found.size, docs?.length ?? 0));
      matching = [...found.keys()];
      if (matching.length === 0) break;
    }
    const matched = matching ?? [];
    for (const clause of clauses) if (!clause.required) confirm(clause, matched);

    const averageLength = this.totalLength / Math.max(1, this.entries.length);
    const idf = new Map(
      clauses.map((clause) => [clause, this.idf(df.get(clause) ?? confirmed.get(clause)?.size ?? 1)]),
    );
    const scored = matched.map((index) => {
      const entry = this.entries[index] as Entry<D>;
      let score = 0;
      for (const clause of clauses) {
        const found = confirmed.get(clause)?.get(index);
        if (!found) continue;
        let titleHits = 0;
        for (const [start] of found) if (start < entry.titleEnd) titleHits++;
        const tf = found.length + (TITLE_WEIGHT - 1) * titleHits;
        const norm = 1 - B + (B * entry.length) / averageLength;
        score += (idf.get(clause) ?? 0) * ((tf * (K1 + 1)) / (tf + K1 * norm));
      }
      return { index, score };
    });
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        ((this.entries[b.index] as Entry<D>).doc.at ?? 0) - ((this.entries[a.index] as Entry<D>).doc.at ?? 0),
    );
    const hits = scored.slice(0, limit).map(({ index, score }) => {
      const entry = this.entries[index] as Entry<D>;
      const ranges = mergeRanges(clauses.flatMap((clause) => confirmed.get(clause)?.get(index) ?? []));
      const bodyStart = entry.titleEnd + 1;
      const bodyRanges = ranges
        .filter(([start]) => start >= bodyStart)
        .map(([start, end]): Range => [start - bodyStart, end - bodyStart]);
      return {
        doc: entry.doc,
        score,
        title: partsOf(entry.title, 0, entry.titleEnd, ranges),
        snippet: snippetOf(entry.body, bodyRanges),
      };
    });
    return { hits, total: matched.length, clauses };
  }
}
